package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.domain.net.EgressOnlyInternetGateway;
import dev.ecsnet.domain.net.InternetGateway;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.SecurityGroupRule;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.net.VpcCidrBlock;
import dev.ecsnet.domain.net.VpcEndpoint;
import dev.ecsnet.domain.net.VpcIpv6CidrBlock;
import dev.ecsnet.domain.state.RegionState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ecsnet.app.server.AdminJson.JSON;

/**
 * One account and region as the topology page draws it: each VPC with its CIDR blocks, its subnets (by zone, with
 * their address counts, their route table and the ENIs in them, each with what holds it), its gateways, endpoints,
 * route tables and security groups; then the workloads ({@link WorkloadView}). A rendering of the domain on the engine
 * thread, in one pass over each collection, so a region with thousands of tasks renders in milliseconds.
 */
final class TopologyView {
    private TopologyView() {
    }

    static ObjectNode render(RegionState state, long version) {
        Network network = state.network();
        EniHolders holders = new EniHolders(state);
        Map<String, List<NetworkInterface>> enisBySubnet = new HashMap<>();
        for (NetworkInterface eni : network.networkInterfaces()) {
            enisBySubnet.computeIfAbsent(eni.subnetId(), k -> new ArrayList<>()).add(eni);
        }
        ObjectNode out = JSON.createObjectNode().put("account", state.key().accountId()).put("region", state.key().region())
                .put("version", version);
        ArrayNode vpcs = out.putArray("vpcs");
        network.vpcs().stream().sorted(Comparator.comparing(Vpc::isDefault).thenComparing(Vpc::id))
                .forEach(vpc -> vpcs.add(vpc(network, vpc, enisBySubnet, holders)));
        WorkloadView.render(state, out);
        return out;
    }

    private static ObjectNode vpc(Network network, Vpc vpc, Map<String, List<NetworkInterface>> enisBySubnet, EniHolders holders) {
        ObjectNode o = named(vpc).put("isDefault", vpc.isDefault());
        ArrayNode cidrs = o.putArray("cidrBlocks");
        for (VpcCidrBlock b : vpc.cidrBlocks()) {
            cidrs.addObject().put("cidr", b.cidr().toString()).put("state", b.state().wireName());
        }
        ArrayNode ipv6 = o.putArray("ipv6CidrBlocks");
        for (VpcIpv6CidrBlock b : vpc.ipv6CidrBlocks()) {
            ipv6.addObject().put("cidr", b.cidr().toString()).put("state", b.state().wireName());
        }
        ArrayNode subnets = o.putArray("subnets");
        network.subnets().stream().filter(s -> s.vpcId().equals(vpc.id()))
                .sorted(Comparator.comparing((Subnet s) -> s.zone().name()).thenComparingInt(s -> s.cidr().network()))
                .forEach(s -> subnets.add(subnet(network, s, enisBySubnet.getOrDefault(s.id(), List.of()), holders)));
        ArrayNode igws = o.putArray("internetGateways");
        for (InternetGateway g : network.gateways().internetGateways()) {
            if (vpc.id().equals(g.attachedVpcId())) {
                igws.add(named(g));
            }
        }
        ArrayNode eigws = o.putArray("egressOnlyInternetGateways");
        for (EgressOnlyInternetGateway g : network.egressOnlyInternetGateways().all()) {
            if (vpc.id().equals(g.vpcId())) {
                eigws.add(named(g));
            }
        }
        ArrayNode nats = o.putArray("natGateways");
        for (NatGateway n : network.gateways().natGateways()) {
            if (n.vpcId().equals(vpc.id()) && !n.state().equals("deleted")) {
                nats.add(named(n).put("state", n.state()).put("subnetId", n.subnetId()).put("networkInterfaceId", n.networkInterfaceId())
                        .put("privateIp", n.privateIp()).put("publicIp", n.publicIp()));
            }
        }
        ArrayNode endpoints = o.putArray("endpoints");
        for (VpcEndpoint e : network.endpoints().all()) {
            if (e.vpcId().equals(vpc.id())) {
                ObjectNode x = named(e).put("type", e.type()).put("service", e.service().shortName()).put("serviceName", e.serviceName())
                        .put("state", e.state()).put("privateDns", e.privateDnsEnabled());
                strings(x.putArray("subnetIds"), e.subnetIds());
                strings(x.putArray("routeTableIds"), e.routeTableIds());
                strings(x.putArray("networkInterfaceIds"), e.networkInterfaceIds());
                strings(x.putArray("groups"), e.groupIds());
                endpoints.add(x);
            }
        }
        ArrayNode tables = o.putArray("routeTables");
        network.routeTables().all().stream().filter(t -> t.vpcId().equals(vpc.id())).forEach(t -> tables.add(routeTable(t)));
        ArrayNode groups = o.putArray("securityGroups");
        network.securityGroups().stream().filter(g -> g.vpcId().equals(vpc.id())).forEach(g -> groups.add(securityGroup(g)));
        return o;
    }

    private static ObjectNode subnet(Network network, Subnet s, List<NetworkInterface> enis, EniHolders holders) {
        long usable = Math.max(0, s.cidr().size() - 5);
        ObjectNode o = named(s).put("cidr", s.cidr().toString()).put("zone", s.zone().name())
                .put("usable", usable).put("free", s.availableIpAddressCount()).put("used", usable - s.availableIpAddressCount())
                .put("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch()).put("routeTableId", network.routeTables().forSubnet(s).id());
        s.ipv6Cidr().ifPresent(c -> o.put("ipv6Cidr", c.toString()));
        ArrayNode list = o.putArray("enis");
        enis.stream().sorted(Comparator.comparingLong(e -> Integer.toUnsignedLong(e.privateIp()))).forEach(e -> list.add(eni(e, holders)));
        return o;
    }

    private static ObjectNode eni(NetworkInterface e, EniHolders holders) {
        ObjectNode o = JSON.createObjectNode().put("id", e.id()).put("ip", e.privateIpAddress()).put("type", e.interfaceType())
                .put("status", e.status());
        if (!e.ipv6Addresses().isEmpty()) {
            ArrayNode v6 = o.putArray("ipv6");
            e.ipv6Addresses().forEach(a -> v6.add(a.toString()));
        }
        e.publicIp().ifPresent(ip -> o.put("publicIp", ip));
        strings(o.putArray("groups"), e.groupIds());
        holders.of(e).ifPresentOrElse(h -> o.set("holder", h), () -> o.put("description", e.description()));
        return o;
    }

    private static ObjectNode routeTable(RouteTable t) {
        ObjectNode o = named(t).put("main", t.isMain());
        ArrayNode subnets = o.putArray("subnetIds");
        t.associations().stream().filter(a -> a.subnetId() != null).forEach(a -> subnets.add(a.subnetId()));
        ArrayNode routes = o.putArray("routes");
        for (Route r : t.routes()) {
            routes.addObject().put("destination", r.destination()).put("target", r.targetId())
                    .put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).put("state", r.state());
        }
        return o;
    }

    /** A group with its rules; a rule's peer is a CIDR, a prefix list or a group (the edges the page draws). */
    static ObjectNode securityGroup(SecurityGroup g) {
        ObjectNode o = named(g).put("groupName", g.name()).put("description", g.description());
        ArrayNode ingress = o.putArray("ingress");
        g.ingress().forEach(r -> ingress.add(rule(r)));
        ArrayNode egress = o.putArray("egress");
        g.egress().forEach(r -> egress.add(rule(r)));
        return o;
    }

    private static ObjectNode rule(SecurityGroupRule r) {
        ObjectNode o = JSON.createObjectNode().put("id", r.ruleId()).put("protocol", r.protocol())
                .put("fromPort", r.fromPort()).put("toPort", r.toPort()).put("peer", r.peer());
        if (r.referencedGroupId() != null) {
            o.put("group", r.referencedGroupId());
        }
        if (r.description() != null) {
            o.put("description", r.description());
        }
        return o;
    }

    /** Id and, when tagged, its Name tag. */
    private static ObjectNode named(Taggable t) {
        ObjectNode o = JSON.createObjectNode().put("id", t.id());
        String name = t.tags().get("Name");
        if (name != null) {
            o.put("name", name);
        }
        return o;
    }

    static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
