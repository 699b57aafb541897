package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.NetworkAcl;

import dev.ecsnet.domain.net.Subnet;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Network ACLs are stateless and ordered: for one direction, the entry with the lowest rule number whose CIDR,
 * protocol and ports match decides, allow or deny; the final {@code *} entry (32767) denies the rest. Replies are
 * checked separately, on their ephemeral port. IPv4 traffic is judged by the IPv4 entries only and IPv6 traffic by
 * the IPv6 entries only (the final {@code *} of IPv6 is rule 32768).
 */
public final class NaclEvaluator {
    /** The port a reply comes back to: inside the Linux ephemeral range every ACL guide opens (1024-65535). */
    public static final int EPHEMERAL_PORT = 32768;

    private NaclEvaluator() {
    }

    /** The deciding entry for traffic crossing {@code acl} in one direction; {@code peerIp} is the far end. */
    public static Optional<NetworkAcl.Entry> decide(NetworkAcl acl, boolean egress, String protocol, int port, int peerIp) {
        return decide(acl, egress, protocol, port, e -> e.cidrBlock() != null
                && Cidr.parse(e.cidrBlock()).map(c -> c.contains(peerIp)).orElse(false));
    }

    /** The deciding entry for IPv6 traffic, whose far end is {@code peer}. */
    public static Optional<NetworkAcl.Entry> decide(NetworkAcl acl, boolean egress, String protocol, int port, Ipv6Address peer) {
        return decide(acl, egress, protocol, port, e -> e.ipv6CidrBlock() != null
                && Ipv6Cidr.parse(e.ipv6CidrBlock()).map(c -> c.contains(peer)).orElse(false));
    }

    private static Optional<NetworkAcl.Entry> decide(NetworkAcl acl, boolean egress, String protocol, int port,
                                                     Predicate<NetworkAcl.Entry> peerMatches) {
        for (NetworkAcl.Entry e : acl.entries()) {
            if (e.egress() == egress && peerMatches.test(e) && protocolMatches(e, protocol, port)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static boolean allows(NetworkAcl acl, boolean egress, String protocol, int port, int peerIp) {
        return decide(acl, egress, protocol, port, peerIp).map(e -> e.ruleAction().equals("allow")).orElse(false);
    }

    /**
     * The verdict when {@code deciding} (the entry that decided, or none) does not allow the traffic: AWS's
     * {@code SUBNET_ACL_RESTRICTION} naming the rule; empty when it allows it.
     */
    static Optional<Verdict> blocked(NetworkAcl acl, Subnet subnet, boolean egress, String protocol, int port,
                                     Optional<NetworkAcl.Entry> deciding, String what, List<Hop> path) {
        if (deciding.isPresent() && deciding.get().ruleAction().equals("allow")) {
            return Optional.empty();
        }
        String rule = deciding.map(e -> "rule " + (e.ruleNumber() >= 32767 ? "*" : String.valueOf(e.ruleNumber()))).orElse("no rule");
        return Optional.of(new Verdict.Blocked("SUBNET_ACL_RESTRICTION", "network-acl", acl.id(), "network ACL " + acl.id() + " of "
                + subnet.id() + " denies " + (egress ? "outbound " : "inbound ") + protocol + " " + port + " for " + what + " (" + rule + ")", path));
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
