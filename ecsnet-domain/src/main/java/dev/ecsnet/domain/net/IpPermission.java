package dev.ecsnet.domain.net;

import java.util.List;

/**
 * One permission of an Authorize/Revoke call: a protocol and port range for several peers. It expands into one
 * {@link SecurityGroupRule} per peer.
 */
public record IpPermission(String protocol, Integer fromPort, Integer toPort, List<Peer> peers) {

    public IpPermission {
        peers = List.copyOf(peers);
    }

    public enum PeerKind { CIDR_IPV4, CIDR_IPV6, PREFIX_LIST, GROUP }

    /** One peer of a permission; {@code description} may be null. */
    public record Peer(PeerKind kind, String value, String description) {
    }
}
