package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A public NAT gateway in one subnet, with an Elastic IP and an ENI of its own (which takes an address from the
 * subnet). State moves {@code pending → available}, and on delete {@code deleting → deleted}.
 */
public final class NatGateway implements Taggable {
    private final String id;
    private final String subnetId;
    private final String vpcId;
    private final String allocationId;
    private final String networkInterfaceId;
    private final String privateIp;
    private final String publicIp;
    private final String associationId;
    private final Instant createTime;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String state = "pending";
    private Instant deleteTime;

    NatGateway(String id, String subnetId, String vpcId, String allocationId, String networkInterfaceId, String privateIp,
               String publicIp, String associationId, Instant createTime) {
        this.id = id;
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.allocationId = allocationId;
        this.networkInterfaceId = networkInterfaceId;
        this.privateIp = privateIp;
        this.publicIp = publicIp;
        this.associationId = associationId;
        this.createTime = createTime;
    }

    @Override
    public String id() {
        return id;
    }

    public String subnetId() {
        return subnetId;
    }

    public String vpcId() {
        return vpcId;
    }

    public String allocationId() {
        return allocationId;
    }

    public String networkInterfaceId() {
        return networkInterfaceId;
    }

    public String privateIp() {
        return privateIp;
    }

    public String publicIp() {
        return publicIp;
    }

    public String associationId() {
        return associationId;
    }

    public Instant createTime() {
        return createTime;
    }

    public String state() {
        return state;
    }

    void setState(String value) {
        state = value;
    }

    public Instant deleteTime() {
        return deleteTime;
    }

    void setDeleteTime(Instant t) {
        deleteTime = t;
    }

    public boolean isGone() {
        return state.equals("deleting") || state.equals("deleted");
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
