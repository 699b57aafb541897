package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No placement ever exceeds a container instance's CPU, memory, ENI slots or ports, whatever is asked in whatever order. */
class Ec2PlacementProperties {

    record Step(String mode, int cpu, int memory, List<Integer> ports, int count, boolean stopOne, boolean settle) {
    }

    @Provide
    Arbitrary<List<String>> fleets() {
        return Arbitraries.of("t3.micro", "t3.medium", "c5.large", "m5.large", "c5.xlarge", "t2.small").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> mode = Arbitraries.of("awsvpc", "bridge", "host", "none");
        Arbitrary<Integer> cpu = Arbitraries.of(0, 64, 256, 512, 1024, 2048);
        Arbitrary<Integer> memory = Arbitraries.of(64, 128, 512, 1024, 3000);
        Arbitrary<List<Integer>> ports = Arbitraries.of(0, 80, 8080, 443).list().ofMaxSize(2).uniqueElements();
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 10);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(mode, cpu, memory, ports, count, flag, flag).as(Step::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 150)
    void placementNeverExceedsCapacity(@ForAll("fleets") List<String> fleet, @ForAll boolean trunking,
                                       @ForAll("steps") List<Step> steps, @ForAll long seed) {
        Ec2World w = new Ec2World(seed);
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            if (i == fleet.size() / 2 && trunking) {
                w.ecs.accountSettings().putDefault("awsvpcTrunking", "enabled");
            }
            instances.add(w.launch(fleet.get(i), i % 2 == 0 ? w.subnetA : w.subnetB));
        }
        List<Task> started = new ArrayList<>();
        int n = 0;
        for (Step s : steps) {
            String td = w.taskDefinition("f" + n++, s.mode(), s.cpu(), s.memory(), s.mode().equals("awsvpc") || s.mode().equals("none")
                    ? List.of() : s.ports());
            started.addAll(w.run(td, s.mode(), s.count(), Ec2Options.NONE).tasks());
            if (s.stopOne() && !started.isEmpty()) {
                w.ecs.stopTask(Optional.of("c"), started.get(0).arn(), Optional.empty());
            }
            if (s.settle()) {
                w.settle();
            }
            for (Instance i : instances) {
                assertWithinCapacity(w, w.containerInstance(i));
            }
        }
        w.settle();
        for (Instance i : instances) {
            assertWithinCapacity(w, w.containerInstance(i));
        }
    }

    private static void assertWithinCapacity(Ec2World w, ContainerInstance ci) {
        InstanceType type = ci.instanceType();
        List<ContainerInstance.Reservation> rs = new ArrayList<>(ci.reservations().values());
        assertThat(rs.stream().mapToInt(ContainerInstance.Reservation::cpu).sum()).isLessThanOrEqualTo(type.cpuUnits());
        assertThat(rs.stream().mapToInt(ContainerInstance.Reservation::memory).sum()).isLessThanOrEqualTo(ci.registeredMemory());
        assertThat(rs.stream().filter(ContainerInstance.Reservation::eni).count()).isLessThanOrEqualTo(ci.eniSlots());
        Set<Integer> tcp = new HashSet<>(ContainerInstance.RESERVED_PORTS);
        Set<Integer> udp = new HashSet<>();
        for (ContainerInstance.Reservation r : rs) {
            r.tcpPorts().forEach(p -> assertThat(tcp.add(p)).as("TCP port %d bound twice on %s", p, ci.ec2InstanceId()).isTrue());
            r.udpPorts().forEach(p -> assertThat(udp.add(p)).as("UDP port %d bound twice", p).isTrue());
        }
        long attached = w.network.networkInterfaces().stream()
                .filter(e -> e.attachment().map(a -> ci.ec2InstanceId().equals(a.instanceId())).orElse(false))
                .filter(e -> !e.interfaceType().equals("branch")).count();
        assertThat(attached).isLessThanOrEqualTo(type.maxEnis());
        long branches = w.network.networkInterfaces().stream().filter(e -> e.interfaceType().equals("branch"))
                .filter(e -> e.attachment().map(a -> ci.ec2InstanceId().equals(a.instanceId())).orElse(false)).count();
        assertThat(branches).isLessThanOrEqualTo(ci.trunk().isPresent() ? type.ecsTasksWithTrunking() : 0);
    }
}
