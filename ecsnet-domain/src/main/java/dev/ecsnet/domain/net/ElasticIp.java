package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;

/** An Elastic IP address (domain {@code vpc}), optionally associated with one ENI. */
public final class ElasticIp implements Taggable {
    private final String allocationId;
    private final String publicIp;
    private final String ownerId;
    private final String networkBorderGroup;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String associationId;
    private String networkInterfaceId;

    ElasticIp(String allocationId, String publicIp, String ownerId, String networkBorderGroup) {
        this.allocationId = allocationId;
        this.publicIp = publicIp;
        this.ownerId = ownerId;
        this.networkBorderGroup = networkBorderGroup;
    }

    @Override
    public String id() {
        return allocationId;
    }

    public String allocationId() {
        return allocationId;
    }

    public String publicIp() {
        return publicIp;
    }

    public String ownerId() {
        return ownerId;
    }

    public String networkBorderGroup() {
        return networkBorderGroup;
    }

    /** Null while unassociated. */
    public String associationId() {
        return associationId;
    }

    /** Null while unassociated. */
    public String networkInterfaceId() {
        return networkInterfaceId;
    }

    void associate(String newAssociationId, String eniId) {
        associationId = newAssociationId;
        networkInterfaceId = eniId;
    }

    void disassociate() {
        associationId = null;
        networkInterfaceId = null;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
