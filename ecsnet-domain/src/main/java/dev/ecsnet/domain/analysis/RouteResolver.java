package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;

import java.util.List;
import java.util.Optional;

/**
 * Picks the route a destination takes: the most specific match (longest prefix), where a prefix-list route counts
 * with the prefix length of the list entry that contains the destination. Blackhole routes still win the match;
 * the packet is then dropped there, as in AWS. IPv4 and IPv6 destinations are routed by the routes of their family.
 */
public final class RouteResolver {
    private RouteResolver() {
    }

    public static Optional<Route> resolve(RouteTable table, int destination, Network network) {
        Route best = null;
        int bestLength = -1;
        for (Route r : table.routes()) {
            int length = matchLength(r, destination, network);
            if (length > bestLength) {
                best = r;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The most specific IPv6 route to {@code destination} (the VPC's IPv6 blocks have their {@code local} route). */
    public static Optional<Route> resolveIpv6(RouteTable table, Ipv6Address destination) {
        Route best = null;
        int bestLength = -1;
        for (Route r : table.routes()) {
            int length = Ipv6Cidr.parse(r.destinationIpv6CidrBlock()).filter(c -> c.contains(destination)).map(Ipv6Cidr::prefixLength).orElse(-1);
            if (length > bestLength) {
                best = r;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int matchLength(Route r, int destination, Network network) {
        if (r.destinationCidrBlock() != null) {
            return Cidr.parse(r.destinationCidrBlock()).filter(c -> c.contains(destination)).map(Cidr::prefixLength).orElse(-1);
        }
        if (r.destinationPrefixListId() == null) {
            return -1;
        }
        return network.prefixLists().cidrs(r.destinationPrefixListId()).orElse(List.of()).stream()
                .map(Cidr::parse).flatMap(Optional::stream)
                .filter(c -> c.contains(destination))
                .mapToInt(Cidr::prefixLength).max().orElse(-1);
    }
}
