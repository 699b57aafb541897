package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Fargate subnet selection: the spread over zones, and never a full subnet while a named one has room. */
class TaskPlacementProperties {
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

    private Network network;
    private TaskPlacement placement;
    private String vpc;

    /** A fresh region for each try (jqwik may reuse the instance). */
    private void fresh() {
        network = new Network("000000000000", "us-east-1", new IdSource(3), () -> Instant.EPOCH);
        placement = new TaskPlacement(network);
        vpc = network.createVpc("10.0.0.0/16", null, Map.of()).id();
    }

    TaskPlacementProperties() {
        fresh();
    }

    /** A /28 (11 usable addresses) in zone {@code zone % 3}, with {@code used} of its addresses taken. */
    private String subnet(int index, int zone, int used) {
        String id = network.createSubnet(vpc, "10.0." + index + ".0/28", ZONES[zone % 3], null, Map.of()).id();
        for (int i = 0; i < used; i++) {
            take(id);
        }
        return id;
    }

    private void take(String subnetId) {
        network.createNetworkInterface(new Network.EniRequest(subnetId, "", List.of(), null, null, null, Map.of()));
    }

    private TaskPlacement.Checked config(List<String> subnets) {
        return placement.check(new TaskLaunch.AwsvpcConfiguration(subnets, List.of(), Optional.empty()));
    }

    @Provide
    Arbitrary<List<int[]>> subnets() {
        // each subnet: {zone, addresses already taken (0..11)}
        return Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(16)
                .flatMap(zones -> Arbitraries.integers().between(0, 11).list().ofSize(zones.size())
                        .map(used -> {
                            List<int[]> out = new ArrayList<>();
                            for (int i = 0; i < zones.size(); i++) {
                                out.add(new int[]{zones.get(i), used.get(i)});
                            }
                            return out;
                        }));
    }

    /**
     * Calls of RunTask (count 1..10) whose tasks take their addresses at once (the instant timing profile): no task is
     * sent to a full subnet while any subnet it names still has a free address.
     */
    @Property(tries = 300)
    void neverAFullSubnetWhileAnotherHasRoom(@ForAll("subnets") List<int[]> shape,
                                             @ForAll("counts") List<Integer> calls) {
        fresh();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            ids.add(subnet(i, shape.get(i)[0], shape.get(i)[1]));
        }
        TaskPlacement.Checked checked = config(ids);
        for (int count : calls) {
            for (Subnet s : placement.place(checked, count)) {
                boolean roomAnywhere = ids.stream().anyMatch(id -> network.subnet(id).assignableIpAddressCount() > 0);
                if (roomAnywhere) {
                    assertThat(s.assignableIpAddressCount()).as("free addresses of the chosen %s", s.id()).isPositive();
                    take(s.id());
                } else {
                    assertThat(s.assignableIpAddressCount()).isZero();
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Arbitraries.integers().between(1, 10).list().ofMinSize(1).ofMaxSize(30);
    }

    /** Zones with room share a call's tasks evenly (within one), whatever their subnets hold. */
    @Property(tries = 200)
    void aCallSpreadsOverZonesWithRoom(@ForAll("subnets") List<int[]> shape, @ForAll("count") int count) {
        fresh();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shape.size(); i++) {
            // room for the whole call in every subnet, so no zone runs out during it
            ids.add(subnet(i, shape.get(i)[0], 0));
        }
        Map<String, Integer> perZone = new HashMap<>();
        for (Subnet s : placement.place(config(ids), count)) {
            perZone.merge(s.zone().name(), 1, Integer::sum);
        }
        long zones = ids.stream().map(id -> network.subnet(id).zone().name()).distinct().count();
        int min = perZone.size() < zones ? 0 : perZone.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = perZone.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<Integer> count() {
        return Arbitraries.integers().between(1, 10);
    }

    /** Before: every call began at each zone's first subnet, so one-task calls all landed in the same one. */
    @Test
    void equalSubnetsOfAZoneTakeTurnsAcrossCalls() {
        List<String> ids = List.of(subnet(0, 0, 0), subnet(1, 0, 0), subnet(2, 0, 0));
        TaskPlacement.Checked checked = config(ids);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(placement.place(checked, 1).get(0).id()); // no address taken: the provisioning is still to come
        }
        assertThat(chosen).containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(0), ids.get(1), ids.get(2));
    }

    @Test
    void theRoomiestSubnetOfTheZoneIsChosen() {
        String full = subnet(0, 0, 11);
        String half = subnet(1, 0, 6);
        String roomy = subnet(2, 0, 1);
        List<Subnet> out = placement.place(config(List.of(full, half, roomy)), 10);
        // roomy has 10 free, half 5: the first five go to roomy until it is level with half, then they alternate
        assertThat(out.stream().filter(s -> s.id().equals(full))).isEmpty();
        assertThat(out.stream().filter(s -> s.id().equals(roomy)).count()).isEqualTo(7);
        assertThat(out.stream().filter(s -> s.id().equals(half)).count()).isEqualTo(3);
    }

    @Test
    void whenEverySubnetIsFullTheTaskStillGoesToOne() {
        String a = subnet(0, 0, 11);
        String b = subnet(1, 1, 11);
        List<Subnet> out = placement.place(config(List.of(a, b)), 2);
        assertThat(out).extracting(Subnet::id).containsExactlyInAnyOrder(a, b);
    }
}
