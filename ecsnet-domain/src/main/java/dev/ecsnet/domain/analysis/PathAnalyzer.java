package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.InternetGateway;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.SecurityGroupRule;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.net.VpcEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows a packet from an ENI hop by hop through security groups, network ACLs, the subnet's route table, internet
 * and NAT gateways and VPC endpoints, and says where it arrives or what stops it first. Pure: it reads the network
 * and changes nothing. Replies are checked where the rules are stateless (network ACLs).
 */
public final class PathAnalyzer {
    private final Network network;
    private final SecurityGroupEvaluator groups;

    public PathAnalyzer(Network network) {
        this.network = network;
        this.groups = new SecurityGroupEvaluator(network);
    }

    /**
     * HTTPS from {@code src} to an AWS service ({@code ecr.api}, {@code ecr.dkr}, {@code s3}, {@code logs}, ...):
     * through an interface endpoint when one with private DNS serves the VPC (its name then resolves to the
     * endpoint), through the S3 gateway endpoint when the subnet's routes send S3 there, else over the internet.
     */
    public Verdict toAwsService(Source src, String service) {
        List<Hop> path = new ArrayList<>();
        path.add(new Hop("network-interface", src.id(), src.address() + " in " + src.subnetId()));
        Vpc vpc = network.vpc(src.vpcId());
        String host = AwsServiceAddresses.hostname(service, network.region(), network.accountId());
        if (!vpc.enableDnsSupport()) {
            return new Verdict.Blocked("DNS_RESOLUTION_DISABLED", "vpc", vpc.id(), "VPC " + vpc.id()
                    + " has DNS resolution (enableDnsSupport) turned off, so " + host + " cannot be resolved", path);
        }
        Optional<VpcEndpoint> endpoint = network.endpoints().all().stream()
                .filter(e -> e.vpcId().equals(vpc.id()) && e.isInterface() && e.service().shortName().equals(service) && e.privateDnsEnabled())
                .filter(e -> !e.state().equals("deleting"))
                .findFirst();
        if (endpoint.isPresent()) {
            return throughInterfaceEndpoint(src, endpoint.get(), path);
        }
        return toPublicAddress(src, AwsServiceAddresses.address(service, network.region()), "tcp", 443, host, path);
    }

    private Verdict throughInterfaceEndpoint(Source src, VpcEndpoint endpoint, List<Hop> path) {
        path.add(new Hop("vpc-endpoint", endpoint.id(), endpoint.serviceName() + " (private DNS)"));
        if (!endpoint.state().equals("available")) {
            return new Verdict.Blocked("BAD_STATE", "vpc-endpoint", endpoint.id(), "VPC endpoint " + endpoint.id() + " for "
                    + endpoint.serviceName() + " is " + endpoint.state(), path);
        }
        List<NetworkInterface> enis = endpoint.networkInterfaceIds().stream().map(network::findNetworkInterface)
                .flatMap(Optional::stream).toList();
        if (enis.isEmpty()) {
            return new Verdict.Blocked("NO_POSSIBLE_DESTINATION", "vpc-endpoint", endpoint.id(), "VPC endpoint " + endpoint.id()
                    + " has no subnets, so its private DNS name resolves to no address", path);
        }
        NetworkInterface target = enis.stream().filter(n -> n.zone().equals(src.zone())).findFirst().orElse(enis.get(0));
        return toInterface(src, Source.of(target), "tcp", 443, path);
    }

    /** A packet from {@code src} to an address outside the VPC (the internet, or an AWS service's public address). */
    public Verdict toPublicAddress(Source src, int dest, String protocol, int port, String what, List<Hop> pathSoFar) {
        List<Hop> path = new ArrayList<>(pathSoFar);
        String target = what + " (" + Ipv4.format(dest) + ")";
        Traffic out = new Traffic(protocol, port, dest, List.of());
        Optional<SecurityGroupRule> egress = groups.egress(src.groupIds(), out);
        if (egress.isEmpty()) {
            return new Verdict.Blocked("ENI_SG_RULES_MISMATCH", "network-interface", src.id(), "security group(s) "
                    + String.join(", ", src.groupIds()) + " of " + src.id() + " allow no egress to " + target + " on " + protocol
                    + " " + port + ": add an egress rule for " + protocol + " " + port, path);
        }
        path.add(new Hop("security-group-rule", egress.get().ruleId(), SecurityGroupEvaluator.describe(egress.get())));
        Subnet subnet = network.subnet(src.subnetId());
        Optional<Verdict> acl = aclCheck(subnet, true, protocol, port, dest, target, path);
        if (acl.isPresent()) {
            return acl.get();
        }
        RouteTable table = network.routeTables().forSubnet(subnet);
        Optional<Route> route = RouteResolver.resolve(table, dest, network);
        if (route.isEmpty() || route.get().kind() == Route.TargetKind.LOCAL) {
            return new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "route-table", table.id(), "route table " + table.id() + " of "
                    + subnet.id() + " has no route to " + target + ": add a route to a NAT gateway (private subnet) or an internet gateway (public subnet)", path);
        }
        Route r = route.get();
        path.add(new Hop("route", table.id(), r.destination() + " -> " + r.targetId()));
        if (!r.isActive()) {
            return new Verdict.Blocked("BAD_STATE_ROUTE", "route-table", table.id(), "route " + r.destination() + " in " + table.id()
                    + " points to " + r.targetId() + ", which no longer exists (blackhole)", path);
        }
        Optional<Verdict> reply = aclCheck(subnet, false, protocol, NaclEvaluator.EPHEMERAL_PORT, dest, "replies from " + target, path);
        return switch (r.kind()) {
            case INTERNET_GATEWAY -> reply.orElseGet(() -> viaInternetGateway(src, r.targetId(), target, path));
            case NAT_GATEWAY -> reply.orElseGet(() -> viaNatGateway(src, r.targetId(), dest, protocol, port, target, path));
            case VPC_ENDPOINT -> reply.orElseGet(() -> {
                path.add(new Hop("vpc-endpoint", r.targetId(), "gateway endpoint"));
                return new Verdict.Reachable(path);
            });
            case NETWORK_INTERFACE -> new Verdict.Blocked("CANNOT_ROUTE", "route-table", table.id(), "route " + r.destination()
                    + " sends the traffic to network interface " + r.targetId() + " (a NAT instance or appliance); ecsnet does not follow paths through it", path);
            case VPC_PEERING_CONNECTION -> new Verdict.Blocked("CANNOT_ROUTE", "route-table", table.id(), "route " + r.destination()
                    + " sends the traffic to VPC peering connection " + r.targetId() + ", which carries only addresses of the peer VPC, not "
                    + target + " (no transitive or edge-to-edge routing)", path);
            default -> throw new IllegalStateException(r.kind().name());
        };
    }

    private Verdict viaInternetGateway(Source src, String igwId, String target, List<Hop> path) {
        InternetGateway igw = network.gateways().internetGateway(igwId);
        path.add(new Hop("internet-gateway", igwId, "to the internet"));
        if (!src.vpcId().equals(igw.attachedVpcId())) {
            return new Verdict.Blocked("BAD_STATE_ATTACHMENT", "internet-gateway", igwId, "internet gateway " + igwId
                    + " is not attached to " + src.vpcId(), path);
        }
        if (!src.hasPublicIp()) {
            return new Verdict.Blocked("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "internet-gateway", igwId, "subnet " + src.subnetId()
                    + " routes " + target + " to internet gateway " + igwId + ", but " + src.id()
                    + " has no public IP (assignPublicIp DISABLED), so the gateway drops its traffic: enable assignPublicIp, or use a private subnet with a NAT gateway", path);
        }
        return new Verdict.Reachable(path);
    }

    private Verdict viaNatGateway(Source src, String natId, int dest, String protocol, int port, String target, List<Hop> path) {
        NatGateway nat = network.gateways().natGateway(natId);
        path.add(new Hop("nat-gateway", natId, "in " + nat.subnetId()));
        if (!nat.state().equals("available")) {
            return new Verdict.Blocked("BAD_STATE", "nat-gateway", natId, "NAT gateway " + natId + " is " + nat.state(), path);
        }
        Subnet natSubnet = network.subnet(nat.subnetId());
        int natIp = (int) Ipv4.parse(nat.privateIp());
        int srcIp = src.ip();
        if (!natSubnet.id().equals(src.subnetId())) {
            Optional<Verdict> in = aclCheck(natSubnet, false, protocol, port, srcIp, "traffic from " + src.address(), path);
            if (in.isPresent()) {
                return in.get();
            }
            Optional<Verdict> back = aclCheck(network.subnet(src.subnetId()), false, protocol, NaclEvaluator.EPHEMERAL_PORT, natIp,
                    "replies from NAT gateway " + natId, path);
            if (back.isPresent()) {
                return back.get();
            }
        }
        Optional<Verdict> out = aclCheck(natSubnet, true, protocol, port, dest, target, path);
        if (out.isPresent()) {
            return out.get();
        }
        RouteTable table = network.routeTables().forSubnet(natSubnet);
        Optional<Route> route = RouteResolver.resolve(table, dest, network);
        if (route.isEmpty() || route.get().kind() != Route.TargetKind.INTERNET_GATEWAY || !route.get().isActive()) {
            return new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "route-table", table.id(), "NAT gateway " + natId + " sits in "
                    + natSubnet.id() + ", whose route table " + table.id() + " has no route to an internet gateway: put the NAT gateway in a public subnet", path);
        }
        path.add(new Hop("route", table.id(), route.get().destination() + " -> " + route.get().targetId()));
        InternetGateway igw = network.gateways().internetGateway(route.get().targetId());
        path.add(new Hop("internet-gateway", igw.id(), "to the internet"));
        if (!natSubnet.vpcId().equals(igw.attachedVpcId())) {
            return new Verdict.Blocked("BAD_STATE_ATTACHMENT", "internet-gateway", igw.id(), "internet gateway " + igw.id()
                    + " is not attached to " + natSubnet.vpcId(), path);
        }
        return new Verdict.Reachable(path);
    }

    /** A packet between two ENIs; in one VPC it takes the local route, subject to both sides' groups and ACLs. */
    public Verdict toInterface(Source src, Source dst, String protocol, int port, List<Hop> pathSoFar) {
        List<Hop> path = new ArrayList<>(pathSoFar);
        if (pathSoFar.isEmpty()) {
            path.add(new Hop("network-interface", src.id(), src.address() + " in " + src.subnetId()));
        }
        String target = dst.id() + " (" + dst.address() + ")";
        Optional<SecurityGroupRule> egress = groups.egress(src.groupIds(), new Traffic(protocol, port, dst.ip(), dst.groupIds()));
        if (egress.isEmpty()) {
            return new Verdict.Blocked("ENI_SG_RULES_MISMATCH", "network-interface", src.id(), "security group(s) "
                    + String.join(", ", src.groupIds()) + " of " + src.id() + " allow no egress to " + target + " on " + protocol + " " + port, path);
        }
        path.add(new Hop("security-group-rule", egress.get().ruleId(), SecurityGroupEvaluator.describe(egress.get())));
        Subnet from = network.subnet(src.subnetId());
        Subnet to = network.subnet(dst.subnetId());
        boolean sameVpc = from.vpcId().equals(to.vpcId());
        if (!sameVpc) {
            Optional<Verdict> routing = new PeeringPath(network).check(src, dst, from, to, path);
            if (routing.isPresent()) {
                return routing.get();
            }
        }
        boolean sameSubnet = from.id().equals(to.id());
        if (!sameSubnet) {
            Optional<Verdict> v = aclCheck(from, true, protocol, port, dst.ip(), target, path)
                    .or(() -> aclCheck(to, false, protocol, port, src.ip(), "traffic from " + src.address(), path))
                    .or(() -> aclCheck(to, true, protocol, NaclEvaluator.EPHEMERAL_PORT, src.ip(), "replies to " + src.address(), path))
                    .or(() -> aclCheck(from, false, protocol, NaclEvaluator.EPHEMERAL_PORT, dst.ip(), "replies from " + target, path));
            if (v.isPresent()) {
                return v.get();
            }
            if (sameVpc) {
                path.add(new Hop("route", network.routeTables().forSubnet(from).id(), "local"));
            }
        }
        Optional<SecurityGroupRule> ingress = groups.ingress(dst.groupIds(), new Traffic(protocol, port, src.ip(), src.groupIds()));
        if (ingress.isEmpty()) {
            return new Verdict.Blocked("ENI_SG_RULES_MISMATCH", "network-interface", dst.id(), ingressGap(dst, src, protocol, port), path);
        }
        path.add(new Hop("security-group-rule", ingress.get().ruleId(), SecurityGroupEvaluator.describe(ingress.get())));
        path.add(new Hop("network-interface", dst.id(), dst.address() + " in " + dst.subnetId()));
        return new Verdict.Reachable(path);
    }

    /** Names what the destination's groups do admit on that port, so the missing rule is plain to see. */
    private String ingressGap(Source dst, Source src, String protocol, int port) {
        List<String> admitted = new ArrayList<>();
        for (String g : dst.groupIds()) {
            network.findSecurityGroup(g).ifPresent(sg -> sg.ingress().stream()
                    .filter(r -> SecurityGroupEvaluator.protocolMatches(r, new Traffic(protocol, port, 0, List.of())))
                    .forEach(r -> admitted.add(r.peer())));
        }
        String groupsText = String.join(", ", dst.groupIds());
        String carried = String.join(", ", src.groupIds());
        if (admitted.isEmpty()) {
            return "security group(s) " + groupsText + " of " + dst.id() + " admit nothing on " + protocol + " " + port
                    + ": add an ingress rule for " + protocol + " " + port + " from " + (carried.isEmpty() ? src.address() : carried);
        }
        return "security group(s) " + groupsText + " of " + dst.id() + " admit " + protocol + " " + port + " only from "
                + String.join(", ", admitted) + ", which " + src.id() + " (" + src.address() + ", carrying " + carried
                + ") does not match: add an ingress rule from " + (carried.isEmpty() ? src.address() : src.groupIds().get(0));
    }

    private Optional<Verdict> aclCheck(Subnet subnet, boolean egress, String protocol, int port, int peer, String what, List<Hop> path) {
        NetworkAcl acl = network.acls().forSubnet(subnet.id());
        return NaclEvaluator.blocked(acl, subnet, egress, protocol, port, NaclEvaluator.decide(acl, egress, protocol, port, peer), what, path);
    }
}
