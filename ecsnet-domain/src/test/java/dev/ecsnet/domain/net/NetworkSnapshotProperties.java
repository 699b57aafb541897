package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.state.RegionTwin;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After any sequence of interface creations and deletions, a twin restored from the network's record counts the
 * same free addresses in every subnet and hands out the same next addresses (IPv4 and IPv6), up to a full subnet.
 */
class NetworkSnapshotProperties {

    @Property(tries = 30)
    void aTwinAllocatesWhatTheOriginalAllocates(@ForAll @Size(max = 60) List<@IntRange(min = -15, max = 15) Integer> steps,
                                                 @ForAll @IntRange(min = 1, max = 30) int more) {
        RegionTwin a = new RegionTwin(13);
        List<String> subnets = subnets(a);
        Network n = a.region.network();
        List<String> enis = new ArrayList<>();
        for (int step : steps) {
            if (step >= 0) {
                create(n, subnets.get(step % subnets.size())).ifPresent(enis::add);
            } else if (!enis.isEmpty()) {
                n.deleteNetworkInterface(enis.remove(-step % enis.size()));
            }
        }
        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(allocations(b, subnets, more)).containsExactlyElementsOf(allocations(a, subnets, more));
    }

    /** A /28 and a /24 with a reservation in the default VPC, and a dual-stack /28 that gives every interface IPv6. */
    private static List<String> subnets(RegionTwin t) {
        Network n = t.region.network();
        String defaultVpc = n.defaultVpc().orElseThrow().id();
        String small = n.createSubnet(defaultVpc, "172.31.96.0/28", null, null, Map.of()).id();
        String large = n.createSubnet(defaultVpc, "172.31.97.0/24", null, null, Map.of()).id();
        n.subnetCidrReservations().create(large, "172.31.97.128/26", "explicit", null, Map.of());
        Vpc vpc = n.createVpc("10.0.0.0/16", null, true, null, Map.of());
        t.advance(Duration.ofSeconds(1));
        Ipv6Cidr block = vpc.ipv6CidrBlocks().get(0).cidr();
        String dual = n.createSubnet(vpc.id(), "10.0.0.0/28", new Ipv6Cidr(block.network(), 64).toString(), null, null, Map.of()).id();
        t.advance(Duration.ofSeconds(1));
        n.cidrs().modifySubnetIpv6Attributes(dual, true, null, null);
        return List.of(small, large, dual);
    }

    private static java.util.Optional<String> create(Network n, String subnet) {
        try {
            return java.util.Optional.of(n.createNetworkInterface(new Network.EniRequest(subnet, null, null, null, null, null, Map.of())).id());
        } catch (DomainException full) {
            return java.util.Optional.empty();
        }
    }

    /** Each subnet's counts, then {@code count} more interfaces round the subnets: their addresses, or that it was full. */
    private static List<String> allocations(RegionTwin t, List<String> subnets, int count) {
        Network n = t.region.network();
        List<String> out = new ArrayList<>();
        subnets.forEach(id -> out.add(id + " " + n.subnet(id).availableIpAddressCount() + " " + n.subnet(id).assignableIpAddressCount()));
        for (int i = 0; i < count; i++) {
            out.add(create(n, subnets.get(i % subnets.size())).map(n::networkInterface)
                    .map(e -> e.privateIpAddress() + " " + e.ipv6Addresses() + " " + e.macAddress()).orElse("full"));
        }
        return out;
    }
}
