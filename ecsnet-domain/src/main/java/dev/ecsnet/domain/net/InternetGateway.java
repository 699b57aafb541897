package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;

/** An internet gateway, attached to at most one VPC. */
public final class InternetGateway implements Taggable {
    private final String id;
    private final String ownerId;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String attachedVpcId;

    InternetGateway(String id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
    }

    @Override
    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    /** The VPC it is attached to, or null. */
    public String attachedVpcId() {
        return attachedVpcId;
    }

    void setAttachedVpcId(String vpcId) {
        attachedVpcId = vpcId;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
