package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.SecurityGroupRule;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Security groups are allow-lists evaluated per ENI: traffic passes when any rule of any of the ENI's groups, in
 * the right direction, matches its protocol, port and peer. A peer matches a CIDR rule when its address is inside,
 * a group-reference rule when it carries that group, a prefix-list rule when its address is in the list. IPv4
 * traffic matches IPv4 CIDR rules, IPv6 traffic IPv6 ones ({@code ::/0}, ...). Stateful: replies need no rule.
 */
public final class SecurityGroupEvaluator {
    private final Network network;

    public SecurityGroupEvaluator(Network network) {
        this.network = network;
    }

    /** The rule that lets {@code traffic} leave an ENI carrying {@code groupIds}, if any. */
    public Optional<SecurityGroupRule> egress(List<String> groupIds, Traffic traffic) {
        return match(groupIds, true, traffic);
    }

    /** The rule that lets {@code traffic} (whose peer is the sender) into an ENI carrying {@code groupIds}, if any. */
    public Optional<SecurityGroupRule> ingress(List<String> groupIds, Traffic traffic) {
        return match(groupIds, false, traffic);
    }

    /** The rule that lets IPv6 traffic to {@code peer} (outside the VPC) leave an ENI carrying {@code groupIds}, if any. */
    public Optional<SecurityGroupRule> egressIpv6(List<String> groupIds, String protocol, int port, Ipv6Address peer) {
        Traffic traffic = new Traffic(protocol, port, 0, List.of());
        return match(groupIds, true, r -> protocolMatches(r, traffic) && r.cidrIpv6() != null
                && Ipv6Cidr.parse(r.cidrIpv6()).map(c -> c.contains(peer)).orElse(false));
    }

    private Optional<SecurityGroupRule> match(List<String> groupIds, boolean egress, Traffic traffic) {
        return match(groupIds, egress, r -> protocolMatches(r, traffic) && peerMatches(r, traffic));
    }

    private Optional<SecurityGroupRule> match(List<String> groupIds, boolean egress, Predicate<SecurityGroupRule> matches) {
        for (String g : groupIds) {
            Optional<SecurityGroup> group = network.findSecurityGroup(g);
            if (group.isEmpty()) {
                continue;
            }
            for (SecurityGroupRule r : group.get().rules()) {
                if (r.egress() == egress && matches.test(r)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    static boolean protocolMatches(SecurityGroupRule r, Traffic t) {
        if (r.protocol().equals("-1")) {
            return true;
        }
        if (!r.protocol().equals(t.protocol())) {
            return false;
        }
        if (t.protocol().equals("tcp") || t.protocol().equals("udp")) {
            return t.port() >= r.fromPort() && t.port() <= r.toPort();
        }
        return true;
    }

    private boolean peerMatches(SecurityGroupRule r, Traffic t) {
        if (r.cidrIpv4() != null) {
            return Cidr.parse(r.cidrIpv4()).map(c -> c.contains(t.peerIp())).orElse(false);
        }
        if (r.referencedGroupId() != null) {
            return t.peerGroupIds().contains(r.referencedGroupId());
        }
        if (r.prefixListId() != null) {
            return network.prefixLists().cidrs(r.prefixListId()).orElse(List.of()).stream()
                    .anyMatch(c -> Cidr.parse(c).map(x -> x.contains(t.peerIp())).orElse(false));
        }
        return false;
    }

    /** A rule in words, as diagnose prints it: {@code sgr-… of sg-… (tcp 443 from sg-…)}. */
    public static String describe(SecurityGroupRule r) {
        String ports = r.protocol().equals("-1") ? "all traffic" : r.protocol() + (r.fromPort() == r.toPort() ? " " + r.fromPort()
                : " " + r.fromPort() + "-" + r.toPort());
        String peer = r.cidrIpv4() != null ? r.cidrIpv4() : r.referencedGroupId() != null ? r.referencedGroupId()
                : r.prefixListId() != null ? r.prefixListId() : r.cidrIpv6();
        return r.ruleId() + " of " + r.groupId() + " (" + ports + (r.egress() ? " to " : " from ") + peer + ")";
    }
}
