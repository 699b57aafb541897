package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceState;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerInstancesTest {

    @Test
    void theAgentRegistersARunningInstanceWithResourcesAndAttributesFromItsType() {
        Ec2World w = new Ec2World(1);
        Instance i = w.launch("t3.medium", w.subnetA);
        assertThat(i.state()).isEqualTo(InstanceState.RUNNING);
        ContainerInstance ci = w.containerInstance(i);
        assertThat(ci.status()).isEqualTo(ContainerInstance.Status.ACTIVE);
        assertThat(ci.cluster().name()).isEqualTo("c");
        assertThat(ci.registeredCpu()).isEqualTo(2048);
        assertThat(ci.registeredMemory()).isEqualTo(4096 - ContainerInstance.RESERVED_MEMORY_MIB);
        assertThat(ci.usedTcpPorts()).containsExactly(22, 2375, 2376, 51678, 51679);
        assertThat(ci.eniSlots()).isEqualTo(2);
        assertThat(ci.trunk()).isEmpty();
        assertThat(ci.attributes()).containsEntry("ecs.instance-type", "t3.medium").containsEntry("ecs.availability-zone", "us-east-1a")
                .containsEntry("ecs.subnet-id", w.subnetA).containsEntry("ecs.os-type", "linux")
                .containsEntry("ecs.cpu-architecture", "x86_64").containsKey("ecs.capability.task-eni")
                .containsKey("ecs.capability.task-eni-trunking").doesNotContainKey("ecs.awsvpc-trunk-id");
    }

    @Test
    void trunkingAppliesToInstancesRegisteredAfterItIsEnabledAndSupportedTypesOnly() {
        Ec2World w = new Ec2World(2);
        ContainerInstance before = w.containerInstance(w.launch("c5.large", w.subnetA));
        w.ecs.accountSettings().putDefault("awsvpcTrunking", "enabled");
        ContainerInstance after = w.containerInstance(w.launch("c5.large", w.subnetA));
        ContainerInstance burstable = w.containerInstance(w.launch("t3.medium", w.subnetA));
        assertThat(before.eniSlots()).isEqualTo(2);
        assertThat(before.trunk()).isEmpty();
        assertThat(after.eniSlots()).isEqualTo(10);
        assertThat(after.trunk()).isPresent();
        assertThat(after.attributes()).containsEntry("ecs.awsvpc-trunk-id", after.trunk().get().trunkId());
        assertThat(w.network.networkInterface(after.trunk().get().networkInterfaceId()).interfaceType()).isEqualTo("trunk");
        assertThat(burstable.eniSlots()).isEqualTo(2);
        assertThat(burstable.trunk()).isEmpty();
    }

    @Test
    void runTaskFailsWithResourceEniOnceTheSlotsAreTaken() {
        Ec2World w = new Ec2World(3);
        ContainerInstance ci = w.containerInstance(w.launch("t3.medium", w.subnetA));
        String td = w.taskDefinition("api", "awsvpc", 128, 256, List.of(8080));
        LaunchResult r = w.run(td, "awsvpc", 3, Ec2Options.NONE);
        assertThat(r.tasks()).hasSize(2);
        assertThat(r.failures()).containsExactly(new LaunchResult.Failure(ci.arn(), "RESOURCE:ENI"));
        w.settle();
        assertThat(r.tasks()).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo(TaskLifecycle.RUNNING));
        assertThat(w.network.networkInterfaces()).filteredOn(n -> n.attachment().map(a -> ci.ec2InstanceId().equals(a.instanceId())).orElse(false))
                .extracting(n -> n.attachment().get().deviceIndex()).containsExactlyInAnyOrder(0, 1, 2);
        w.ecs.stopTask(Optional.of("c"), r.tasks().get(0).arn(), Optional.empty());
        w.settle();
        assertThat(w.run(td, "awsvpc", 1, Ec2Options.NONE).tasks()).hasSize(1);
    }

    @Test
    void bridgeTasksCollideOnAHostPortAndDynamicPortsDoNot() {
        Ec2World w = new Ec2World(4);
        ContainerInstance ci = w.containerInstance(w.launch("m5.large", w.subnetA));
        String fixed = w.taskDefinition("fixed", "bridge", 64, 128, List.of(8080));
        String dynamic = w.taskDefinition("dyn", "bridge", 64, 128, List.of(0));
        assertThat(w.run(fixed, "bridge", 2, Ec2Options.NONE).failures()).containsExactly(new LaunchResult.Failure(ci.arn(), "RESOURCE:PORTS"));
        LaunchResult dyn = w.run(dynamic, "bridge", 3, Ec2Options.NONE);
        assertThat(dyn.tasks()).hasSize(3);
        assertThat(dyn.tasks()).extracting(t -> t.ec2().orElseThrow().bindings().get(0).hostPort()).containsExactly(32768, 32769, 32770);
        String host = w.taskDefinition("host", "host", 64, 128, List.of(8080));
        assertThat(w.run(host, "host", 1, Ec2Options.NONE).failures()).extracting(LaunchResult.Failure::reason).containsExactly("RESOURCE:PORTS");
    }

    @Test
    void cpuMemoryLocationAndConstraintsAreReported() {
        Ec2World w = new Ec2World(5);
        ContainerInstance a = w.containerInstance(w.launch("t3.medium", w.subnetA));
        assertThat(w.run(w.taskDefinition("cpu", "bridge", 4096, 128, List.of()), "bridge", 1, Ec2Options.NONE).failures())
                .containsExactly(new LaunchResult.Failure(a.arn(), "RESOURCE:CPU"));
        assertThat(w.run(w.taskDefinition("mem", "bridge", 0, 8192, List.of()), "bridge", 1, Ec2Options.NONE).failures())
                .containsExactly(new LaunchResult.Failure(a.arn(), "RESOURCE:MEMORY"));
        Ec2Options memberOf = new Ec2Options(List.of(new PlacementRequest.Constraint("memberOf",
                Optional.of("attribute:ecs.instance-type =~ c5.*"))), List.of());
        assertThat(w.run(w.taskDefinition("m", "bridge", 0, 128, List.of()), "bridge", 1, memberOf).failures())
                .extracting(LaunchResult.Failure::reason).containsExactly("MemberOf placement constraint unsatisfied");
        Ec2Options distinct = new Ec2Options(List.of(new PlacementRequest.Constraint("distinctInstance", Optional.empty())), List.of());
        LaunchResult d = w.run(w.taskDefinition("d", "bridge", 0, 128, List.of()), "bridge", 2, distinct);
        assertThat(d.tasks()).hasSize(1);
        assertThat(d.failures()).extracting(LaunchResult.Failure::reason).containsExactly("DistinctInstance placement constraint unsatisfied");
    }

    @Test
    void awsvpcTasksGetAnEniInASubnetOfTheInstancesZoneAndLocationFailsElsewhere() {
        Ec2World w = new Ec2World(6);
        ContainerInstance b = w.containerInstance(w.launch("m5.large", w.subnetB));
        String td = w.taskDefinition("api", "awsvpc", 0, 128, List.of(80));
        LaunchResult r = w.run(td, "awsvpc", 1, Ec2Options.NONE);
        assertThat(r.tasks()).singleElement().satisfies(t -> {
            assertThat(t.spec().subnetId()).isEqualTo(w.subnetB);
            assertThat(t.spec().availabilityZone()).isEqualTo("us-east-1b");
        });
        LaunchResult onlyA = w.ecs.launch(new TaskLaunch(Optional.of("c"), td, 1, Optional.of("EC2"), List.of(),
                Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(w.subnetA), List.of(), Optional.empty())), Optional.empty(),
                Optional.empty(), java.util.Map.of(), java.util.Map.of(), false), Ec2Options.NONE);
        assertThat(onlyA.failures()).containsExactly(new LaunchResult.Failure(b.arn(), "LOCATION"));
    }

    @Test
    void terminatingAnInstanceStopsItsTasksAndDeregistersIt() {
        Ec2World w = new Ec2World(7);
        Instance i = w.launch("m5.large", w.subnetA);
        ContainerInstance ci = w.containerInstance(i);
        LaunchResult r = w.run(w.taskDefinition("api", "awsvpc", 0, 128, List.of(80)), "awsvpc", 2, Ec2Options.NONE);
        w.settle();
        w.instances.terminate(List.of(i.id()));
        w.settle();
        assertThat(i.state()).isEqualTo(InstanceState.TERMINATED);
        assertThat(ci.status()).isEqualTo(ContainerInstance.Status.INACTIVE);
        assertThat(ci.reservations()).isEmpty();
        assertThat(r.tasks()).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo(TaskLifecycle.STOPPED);
            assertThat(t.stoppedReason()).contains("Host EC2 (instance " + i.id() + ") stopped/terminated.");
        });
        assertThat(w.network.networkInterfaces()).noneMatch(n -> n.attachment().map(a -> i.id().equals(a.instanceId())).orElse(false));
    }
}
