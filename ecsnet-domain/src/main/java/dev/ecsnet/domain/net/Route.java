package dev.ecsnet.domain.net;

/**
 * One route of a route table: a destination (IPv4 CIDR or prefix list) and one target. {@code targetId} is
 * {@code local}, an internet gateway, a NAT gateway, a gateway VPC endpoint, a network interface or a VPC peering
 * connection; {@code kind}
 * says which. A route whose target is gone is a {@code blackhole}.
 */
public record Route(String destinationCidrBlock, String destinationPrefixListId, TargetKind kind, String targetId,
                    String origin, String state) {

    public enum TargetKind { LOCAL, INTERNET_GATEWAY, NAT_GATEWAY, VPC_ENDPOINT, NETWORK_INTERFACE, VPC_PEERING_CONNECTION }

    public String destination() {
        return destinationCidrBlock != null ? destinationCidrBlock : destinationPrefixListId;
    }

    public Route withState(String newState) {
        return new Route(destinationCidrBlock, destinationPrefixListId, kind, targetId, origin, newState);
    }

    public boolean isActive() {
        return "active".equals(state);
    }
}
