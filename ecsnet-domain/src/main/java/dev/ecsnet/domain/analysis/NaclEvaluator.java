package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.NetworkAcl;

import java.util.Optional;

/**
 * Network ACLs are stateless and ordered: for one direction, the entry with the lowest rule number whose CIDR,
 * protocol and ports match decides, allow or deny; the final {@code *} entry (32767) denies the rest. Replies are
 * checked separately, on their ephemeral port.
 */
public final class NaclEvaluator {
    /** The port a reply comes back to: inside the Linux ephemeral range every ACL guide opens (1024-65535). */
    public static final int EPHEMERAL_PORT = 32768;

    private NaclEvaluator() {
    }

    /** The deciding entry for traffic crossing {@code acl} in one direction; {@code peerIp} is the far end. */
    public static Optional<NetworkAcl.Entry> decide(NetworkAcl acl, boolean egress, String protocol, int port, int peerIp) {
        for (NetworkAcl.Entry e : acl.entries()) {
            if (e.egress() != egress) {
                continue;
            }
            boolean cidr = Cidr.parse(e.cidrBlock()).map(c -> c.contains(peerIp)).orElse(false);
            if (cidr && protocolMatches(e, protocol, port)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static boolean allows(NetworkAcl acl, boolean egress, String protocol, int port, int peerIp) {
        return decide(acl, egress, protocol, port, peerIp).map(e -> e.ruleAction().equals("allow")).orElse(false);
    }

    private static boolean protocolMatches(NetworkAcl.Entry e, String protocol, int port) {
        if (e.protocol().equals("-1")) {
            return true;
        }
        String number = switch (protocol) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            default -> protocol;
        };
        if (!e.protocol().equals(number)) {
            return false;
        }
        if (e.fromPort() == null || e.toPort() == null) {
            return true;
        }
        return port >= e.fromPort() && port <= e.toPort();
    }
}
