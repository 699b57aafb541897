package dev.ecsnet.domain.net;

/**
 * One route of a route table: a destination (IPv4 CIDR, IPv6 CIDR or prefix list) and one target. {@code targetId}
 * is {@code local}, an internet gateway, an egress-only internet gateway, a NAT gateway, a gateway VPC endpoint, a
 * network interface or a VPC peering connection; {@code kind} says which. A route whose target is gone is a
 * {@code blackhole}.
 */
public record Route(String destinationCidrBlock, String destinationIpv6CidrBlock, String destinationPrefixListId, TargetKind kind,
                    String targetId, String origin, String state) {

    public enum TargetKind { LOCAL, INTERNET_GATEWAY, NAT_GATEWAY, VPC_ENDPOINT, NETWORK_INTERFACE, EGRESS_ONLY_INTERNET_GATEWAY, VPC_PEERING_CONNECTION }

    /** A route to an IPv4 CIDR or a prefix list. */
    public Route(String destinationCidrBlock, String destinationPrefixListId, TargetKind kind, String targetId, String origin, String state) {
        this(destinationCidrBlock, null, destinationPrefixListId, kind, targetId, origin, state);
    }

    public String destination() {
        if (destinationCidrBlock != null) {
            return destinationCidrBlock;
        }
        return destinationIpv6CidrBlock != null ? destinationIpv6CidrBlock : destinationPrefixListId;
    }

    public boolean isIpv6() {
        return destinationIpv6CidrBlock != null;
    }

    public Route withState(String newState) {
        return new Route(destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId, kind, targetId, origin, newState);
    }

    public boolean isActive() {
        return "active".equals(state);
    }
}
