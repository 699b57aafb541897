package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.net.VpcPeeringConnection;

import java.util.List;
import java.util.Optional;

/**
 * The routing part of a packet between two VPCs: the source subnet's route table must send the destination
 * address to an active peering connection that joins the two VPCs, and the destination subnet's table must send
 * the source address back through the same connection, or the replies have no way home (security groups are
 * stateful, routes are not: AWS's Reachability Analyzer reports the return path as well). Peering is not
 * transitive, so a connection carries only addresses of the peer VPC.
 */
final class PeeringPath {
    private final Network network;

    PeeringPath(Network network) {
        this.network = network;
    }

    /** Adds the route and connection hops to {@code path}; a verdict when routing stops the packet. */
    Optional<Verdict> check(Source src, Source dst, Subnet from, Subnet to, List<Hop> path) {
        RouteTable table = network.routeTables().forSubnet(from);
        Optional<Route> route = RouteResolver.resolve(table, dst.ip(), network);
        String target = dst.id() + " (" + dst.address() + ") in " + to.vpcId();
        if (route.isEmpty() || route.get().kind() != Route.TargetKind.VPC_PEERING_CONNECTION) {
            return Optional.of(new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "route-table", table.id(), "route table " + table.id() + " of "
                    + from.id() + " has no route to " + target + ": " + suggestion(from.vpcId(), to.vpcId()), path));
        }
        Route r = route.get();
        path.add(new Hop("route", table.id(), r.destination() + " -> " + r.targetId()));
        Optional<VpcPeeringConnection> pcx = network.peerings().find(r.targetId());
        if (pcx.isEmpty() || !pcx.get().isActive() || !r.isActive()) {
            String state = pcx.map(c -> c.status().wireName()).orElse("gone");
            return Optional.of(new Verdict.Blocked("BAD_STATE_ROUTE", "route-table", table.id(), "route " + r.destination() + " in "
                    + table.id() + " points to VPC peering connection " + r.targetId() + ", which is " + state + " (blackhole)", path));
        }
        VpcPeeringConnection connection = pcx.get();
        path.add(new Hop("vpc-peering-connection", connection.id(), connection.requesterVpcId() + " <-> " + connection.accepterVpcId()));
        if (!connection.joins(from.vpcId(), to.vpcId())) {
            return Optional.of(new Verdict.Blocked("PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", "vpc-peering-connection", connection.id(),
                    "VPC peering connection " + connection.id() + " leads to " + connection.peerOf(from.vpcId()) + ", but " + dst.address()
                            + " is in " + to.vpcId() + ": peering is not transitive", path));
        }
        RouteTable back = network.routeTables().forSubnet(to);
        Optional<Route> reply = RouteResolver.resolve(back, src.ip(), network);
        if (reply.isEmpty() || !reply.get().targetId().equals(connection.id()) || !reply.get().isActive()) {
            return Optional.of(new Verdict.Blocked("NO_ROUTE_TO_DESTINATION", "route-table", back.id(), "replies cannot return: route table "
                    + back.id() + " of " + to.id() + " in " + to.vpcId() + " has no route to " + Ipv4.format(src.ip()) + " through "
                    + connection.id() + ": add a route for " + cidrOf(from.vpcId()) + " to " + connection.id(), path));
        }
        return Optional.empty();
    }

    private String suggestion(String fromVpc, String toVpc) {
        return network.peerings().activeBetween(fromVpc, toVpc)
                .map(c -> "add a route for " + cidrOf(toVpc) + " to VPC peering connection " + c.id())
                .orElse("the VPCs have no active peering connection: create and accept one, then route " + cidrOf(toVpc) + " to it");
    }

    private String cidrOf(String vpcId) {
        return network.vpcs().stream().filter(v -> v.id().equals(vpcId)).findFirst().map(Vpc::cidr).map(Object::toString).orElse(vpcId);
    }
}
