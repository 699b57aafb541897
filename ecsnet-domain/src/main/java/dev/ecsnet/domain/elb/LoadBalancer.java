package dev.ecsnet.domain.elb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application or network load balancer. It has one node per subnet, each an ENI with one private address in
 * that subnet ({@code nodes}); {@code securityGroups} is empty for an NLB created without them. State is
 * {@code provisioning} until {@code activeAt}, then {@code active}.
 */
public final class LoadBalancer {
    private final String arn;
    private final String name;
    private final String type;
    private final String scheme;
    private final String vpcId;
    private final String dnsName;
    private final String canonicalHostedZoneId;
    private final Instant createdTime;
    private final Instant activeAt;
    private String ipAddressType;
    private List<Node> nodes;
    private List<String> securityGroups;
    final Map<String, String> attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();

    /** One load balancer node: the subnet, its zone and the ENI holding its address. */
    public record Node(String subnetId, String zoneName, String networkInterfaceId, String privateIpv4Address) {
    }

    LoadBalancer(String arn, String name, String type, String scheme, String vpcId, String dnsName, String canonicalHostedZoneId,
                 Instant createdTime, Instant activeAt, String ipAddressType, List<Node> nodes, List<String> securityGroups,
                 Map<String, String> attributes) {
        this.arn = arn;
        this.name = name;
        this.type = type;
        this.scheme = scheme;
        this.vpcId = vpcId;
        this.dnsName = dnsName;
        this.canonicalHostedZoneId = canonicalHostedZoneId;
        this.createdTime = createdTime;
        this.activeAt = activeAt;
        this.ipAddressType = ipAddressType;
        this.nodes = List.copyOf(nodes);
        this.securityGroups = List.copyOf(securityGroups);
        this.attributes = new LinkedHashMap<>(attributes);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    /** {@code application} or {@code network}. */
    public String type() {
        return type;
    }

    public boolean isApplication() {
        return "application".equals(type);
    }

    public String scheme() {
        return scheme;
    }

    public String vpcId() {
        return vpcId;
    }

    public String dnsName() {
        return dnsName;
    }

    public String canonicalHostedZoneId() {
        return canonicalHostedZoneId;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public String state(Instant now) {
        return now.isBefore(activeAt) ? "provisioning" : "active";
    }

    public boolean isActive(Instant now) {
        return !now.isBefore(activeAt);
    }

    Instant activeAt() {
        return activeAt;
    }

    /** {@code ipv4}, {@code dualstack} or (ALBs) {@code dualstack-without-public-ipv4}. */
    public String ipAddressType() {
        return ipAddressType;
    }

    void setIpAddressType(String value) {
        ipAddressType = value;
    }

    public List<Node> nodes() {
        return nodes;
    }

    void setNodes(List<Node> value) {
        nodes = List.copyOf(value);
    }

    public List<String> securityGroups() {
        return securityGroups;
    }

    void setSecurityGroups(List<String> value) {
        securityGroups = List.copyOf(value);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    /** The ARN's last two segments, {@code app/name/id}'s id part included: what ENI descriptions and listener ARNs use. */
    public String resourceSuffix() {
        return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    public Map<String, String> tags() {
        return tags;
    }
}
