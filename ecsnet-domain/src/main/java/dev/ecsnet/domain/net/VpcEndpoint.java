package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VPC endpoint. Interface endpoints hold one requester-managed ENI per subnet (one subnet per AZ) behind their
 * security groups; gateway endpoints put a prefix-list route into each of their route tables.
 */
public final class VpcEndpoint implements Taggable {
    private final String id;
    private final String type;
    private final String vpcId;
    private final EndpointServices.Service service;
    private final String ownerId;
    private final Instant creationTimestamp;
    private final boolean privateDnsEnabled;
    private final Map<String, String> tags = new LinkedHashMap<>();
    final List<String> routeTableIds = new ArrayList<>();
    final List<String> subnetIds = new ArrayList<>();
    final List<String> groupIds = new ArrayList<>();
    final List<String> networkInterfaceIds = new ArrayList<>();
    private String policyDocument;
    private String state = "pending";

    VpcEndpoint(String id, String type, String vpcId, EndpointServices.Service service, String ownerId, Instant creationTimestamp,
                boolean privateDnsEnabled, String policyDocument) {
        this.id = id;
        this.type = type;
        this.vpcId = vpcId;
        this.service = service;
        this.ownerId = ownerId;
        this.creationTimestamp = creationTimestamp;
        this.privateDnsEnabled = privateDnsEnabled;
        this.policyDocument = policyDocument;
    }

    @Override
    public String id() {
        return id;
    }

    /** {@code Interface} or {@code Gateway}. */
    public String type() {
        return type;
    }

    public boolean isInterface() {
        return type.equals("Interface");
    }

    public String vpcId() {
        return vpcId;
    }

    public EndpointServices.Service service() {
        return service;
    }

    public String serviceName() {
        return service.name();
    }

    public String ownerId() {
        return ownerId;
    }

    public Instant creationTimestamp() {
        return creationTimestamp;
    }

    public boolean privateDnsEnabled() {
        return privateDnsEnabled;
    }

    public String policyDocument() {
        return policyDocument;
    }

    void setPolicyDocument(String document) {
        policyDocument = document;
    }

    public String state() {
        return state;
    }

    void setState(String value) {
        state = value;
    }

    public List<String> routeTableIds() {
        return List.copyOf(routeTableIds);
    }

    public List<String> subnetIds() {
        return List.copyOf(subnetIds);
    }

    public List<String> groupIds() {
        return List.copyOf(groupIds);
    }

    public List<String> networkInterfaceIds() {
        return List.copyOf(networkInterfaceIds);
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
