package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.EgressOnlyInternetGateway;
import dev.ecsnet.domain.net.InternetGateway;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.SecurityGroupRule;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows an IPv6 packet from an ENI to an address outside the VPC (the IPv6 internet): the ENI's IPv6 address, its
 * security groups' IPv6 egress rules, the subnet ACL's IPv6 entries both ways, the most specific IPv6 route, then an
 * internet gateway or an egress-only internet gateway. IPv6 addresses are public, so no public IP is needed. Pure.
 */
public final class Ipv6PathAnalyzer {
    private final Network network;
    private final SecurityGroupEvaluator groups;

    public Ipv6PathAnalyzer(Network network) {
        this.network = network;
        this.groups = new SecurityGroupEvaluator(network);
    }

    public Verdict toIpv6Address(Source src, Ipv6Address dest, String protocol, int port, String what) {
        Subnet subnet = network.subnet(src.subnetId());
        List<Hop> path = new ArrayList<>();
        String target = what + " (" + dest + ")";
        if (src.ipv6Addresses().isEmpty()) {
            path.add(new Hop("network-interface", src.id(), src.address() + " in " + src.subnetId()));
            String fix = subnet.ipv6Cidr().isEmpty()
                    ? "subnet " + subnet.id() + " has no IPv6 CIDR block: associate one (aws ec2 associate-subnet-cidr-block)"
                    : "assign one (aws ec2 assign-ipv6-addresses, assign-ipv6-address-on-creation on the subnet, or ECS's dualStackIPv6 setting)";
            return new Verdict.Blocked("NO_IPV6_ADDRESS", "network-interface", src.id(), src.id() + " has no IPv6 address, so it cannot reach "
                    + target + ": " + fix, path);
        }
        path.add(new Hop("network-interface", src.id(), src.ipv6Addresses().get(0) + " in " + src.subnetId()));
        Optional<SecurityGroupRule> egress = groups.egressIpv6(src.groupIds(), protocol, port, dest);
        if (egress.isEmpty()) {
            return new Verdict.Blocked("ENI_SG_RULES_MISMATCH", "network-interface", src.id(), "security group(s) "
                    + String.join(", ", src.groupIds()) + " of " + src.id() + " allow no IPv6 egress to " + target + " on " + protocol
                    + " " + port + ": add an egress rule for " + protocol + " " + port + " to ::/0 (IPv4 rules do not cover IPv6)", path);
        }
        path.add(new Hop("security-group-rule", egress.get().ruleId(), SecurityGroupEvaluator.describe(egress.get())));
        Optional<Verdict> out = acl(subnet, true, protocol, port, dest, target, path);
        if (out.isPresent()) {
            return out.get();
        }
        RouteTable table = network.routeTables().forSubnet(subnet);
        Optional<Route> route = RouteResolver.resolveIpv6(table, dest);
        if (route.isEmpty() || route.get().kind() == Route.TargetKind.LOCAL) {
            return new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "route-table", table.id(), "route table " + table.id() + " of "
                    + subnet.id() + " has no IPv6 route to " + target + ": add a route for ::/0 to an internet gateway (public subnet) "
                    + "or an egress-only internet gateway (private subnet)", path);
        }
        Route r = route.get();
        path.add(new Hop("route", table.id(), r.destination() + " -> " + r.targetId()));
        if (!r.isActive()) {
            return new Verdict.Blocked("BAD_STATE_ROUTE", "route-table", table.id(), "route " + r.destination() + " in " + table.id()
                    + " points to " + r.targetId() + ", which no longer exists (blackhole)", path);
        }
        Optional<Verdict> reply = acl(subnet, false, protocol, NaclEvaluator.EPHEMERAL_PORT, dest, "replies from " + target, path);
        if (reply.isPresent()) {
            return reply.get();
        }
        return switch (r.kind()) {
            case INTERNET_GATEWAY -> viaInternetGateway(src, r.targetId(), path);
            case EGRESS_ONLY_INTERNET_GATEWAY -> {
                EgressOnlyInternetGateway eigw = network.egressOnlyInternetGateways().get(r.targetId());
                path.add(new Hop("egress-only-internet-gateway", eigw.id(), "to the IPv6 internet (outbound only)"));
                yield new Verdict.Reachable(path);
            }
            default -> new Verdict.Blocked("CANNOT_ROUTE", "route-table", table.id(), "route " + r.destination() + " sends IPv6 traffic to "
                    + r.targetId() + "; ecsnet follows IPv6 paths only through internet and egress-only internet gateways", path);
        };
    }

    private Verdict viaInternetGateway(Source src, String igwId, List<Hop> path) {
        InternetGateway igw = network.gateways().internetGateway(igwId);
        path.add(new Hop("internet-gateway", igwId, "to the IPv6 internet"));
        if (!src.vpcId().equals(igw.attachedVpcId())) {
            return new Verdict.Blocked("BAD_STATE_ATTACHMENT", "internet-gateway", igwId, "internet gateway " + igwId
                    + " is not attached to " + src.vpcId(), path);
        }
        return new Verdict.Reachable(path);
    }

    private Optional<Verdict> acl(Subnet subnet, boolean egress, String protocol, int port, Ipv6Address peer, String what, List<Hop> path) {
        NetworkAcl acl = network.acls().forSubnet(subnet.id());
        return NaclEvaluator.blocked(acl, subnet, egress, protocol, port, NaclEvaluator.decide(acl, egress, protocol, port, peer), what, path);
    }
}
