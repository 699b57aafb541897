package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * ECS (the service side aside) exported and restored into a twin region: the twin exports what it was given, and
 * the same calls and timers on both give the same answers, ids and addresses from then on.
 */
class EcsSnapshotTest {
    private static final String BOB = "arn:aws:iam::000000000000:user/bob";

    @Test
    void clustersTaskDefinitionsAndSettingsComeBackAndGoOnAsInTheOriginal() {
        RegionTwin a = new RegionTwin(42);
        Ecs ecs = a.region.ecs();
        ecs.accountSettings().put("containerInsights", "enabled", Optional.empty());
        ecs.accountSettings().put("awsvpcTrunking", "enabled", Optional.of(BOB));
        ecs.accountSettings().putDefault("fargateTaskRetirementWaitPeriod", "14");

        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("logging", "OVERRIDE");
        exec.put("logConfiguration", new LinkedHashMap<>(Map.of("cloudWatchLogGroupName", "/exec")));
        ecs.createCluster(new Ecs.ClusterRequest(Optional.of("web"), tags("team", "web", "env", "dev"), Map.of(),
                List.of("FARGATE", "FARGATE_SPOT"), List.of(new CapacityProviderStrategyItem("FARGATE", 1, 1),
                        new CapacityProviderStrategyItem("FARGATE_SPOT", 3, 0)),
                Optional.of(Map.of("executeCommandConfiguration", exec)), Optional.empty()));
        ecs.createCluster(Optional.of("batch"));
        ecs.clusterUpdates().updateClusterSettings("batch", Map.of("containerInsights", "enhanced"));
        ecs.createCluster(Optional.of("gone"));
        ecs.deleteCluster("gone");
        ecs.createCluster(Optional.of("again"));
        ecs.deleteCluster("again");
        ecs.createCluster(Optional.of("again"));
        ecs.tags().tagResource(ecs.findCluster("batch").orElseThrow().arn(), tags("owner", "ops"));

        String web1 = ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), tags("v", "1")).arn();
        String web2 = ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of()).arn();
        ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
        ecs.taskDefinitions().register(TestEcs.fargateDefinition("api"), Map.of());
        a.advance(Duration.ofMillis(50));
        ecs.taskDefinitions().deregister(web1);
        ecs.taskDefinitions().deregister(web2);
        ecs.taskDefinitions().delete(List.of(web1));
        ecs.tags().tagResource(web2, tags("retired", "yes"));
        ecs.capacityProviders().putClusterCapacityProviders("batch", List.of("FARGATE"), List.of(new CapacityProviderStrategyItem("FARGATE", 1, 0)));
        a.advance(Duration.ofMillis(100));
        assertThat(a.pending()).as("attachment updates still pending").isNotEmpty();

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(b.region.ecs().export().clusters()).hasSize(4);
        sameAnswers(a, b, EcsSnapshotTest::describeControlPlane);
        for (RegionTwin t : List.of(a, b)) {
            Ecs e = t.region.ecs();
            t.settle();
            e.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
            e.createCluster(Optional.of("gone"));
            e.clusterUpdates().updateCluster("web", new ClusterUpdates.Update(Optional.of(Map.of("containerInsights", "disabled")),
                    Optional.empty(), Optional.empty()));
            e.accountSettings().delete("awsvpcTrunking", Optional.of(BOB));
        }
        sameAnswers(a, b, EcsSnapshotTest::describeControlPlane);
        assertThat(describeControlPlane(b)).contains("web-app:4 ACTIVE", "batch ACTIVE", "attachments UPDATE_COMPLETE");
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    /** Fargate tasks in every phase: stopped, stopping, pending, provisioning; one holds a revision deregistered since. */
    private record FargateWorld(RegionTwin region, String subnetA, String subnetB, List<String> taskIds) {
        TaskLaunch launch(int count) {
            return new TaskLaunch(Optional.of("web"), "web-app", count, Optional.of("FARGATE"), List.of(),
                    Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetA, subnetB), List.of(), Optional.of("ENABLED"))),
                    Optional.of("me"), Optional.empty(), Map.of("containerOverrides", List.of()), tags("run", "1"), false);
        }
    }

    private static FargateWorld fargateWorld(long seed) {
        RegionTwin a = new RegionTwin(seed);
        Ecs ecs = a.region.ecs();
        String vpc = a.region.network().createVpc("10.0.0.0/16", null, Map.of()).id();
        String subnetA = a.region.network().createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String subnetB = a.region.network().createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
        FargateWorld w = new FargateWorld(a, subnetA, subnetB, new ArrayList<>());
        ecs.createCluster(Optional.of("web"));
        ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
        List<Task> first = ecs.runTask(w.launch(3));
        a.settle();
        ecs.stopTask(Optional.of("web"), first.get(0).id(), Optional.of("done"));
        a.settle();
        List<Task> second = ecs.runTask(w.launch(2));
        a.advance(Duration.ofMillis(250));
        ecs.stopTask(Optional.of("web"), first.get(1).id(), Optional.empty());
        ecs.tags().tagResource(first.get(2).arn(), tags("pinned", "yes"));
        ecs.taskDefinitions().deregister("web-app:1");
        ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
        List<Task> third = ecs.runTask(w.launch(1));
        assertThat(List.of(first.get(1).lastStatus(), second.get(0).lastStatus(), third.get(0).lastStatus()))
                .containsExactly(TaskLifecycle.DEACTIVATING, TaskLifecycle.PENDING, TaskLifecycle.PROVISIONING);
        List.of(first, second, third).forEach(l -> l.forEach(t -> w.taskIds().add(t.id())));
        return w;
    }

    @Test
    void fargateTasksMidLifecycleFinishTheirLifecycleInTheTwinAsInTheOriginal() {
        FargateWorld w = fargateWorld(7);
        RegionTwin a = w.region();

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(b.region.ecs().export().tasks().get(0).tasks()).extracting(t -> t.spec().taskDefinitionAsLaunched() != null)
                .as("tasks of web-app:1 launched before its deregistration hold it as it was").containsOnly(true, false);
        sameAnswers(a, b, EcsSnapshotTest::describeTasks);
        assumeNetworkRestores(b, w.subnetA());
        goOnWithFargateTasks(w, a, b);
    }

    private static void goOnWithFargateTasks(FargateWorld w, RegionTwin a, RegionTwin b) {
        for (RegionTwin t : List.of(a, b)) {
            t.advance(Duration.ofMillis(150));
        }
        sameAnswers(a, b, EcsSnapshotTest::describeTasks);
        for (RegionTwin t : List.of(a, b)) {
            t.settle();
            t.region.ecs().runTask(w.launch(2));
            t.settle();
            t.region.ecs().stopTask(Optional.of("web"), w.taskIds().get(4), Optional.empty());
            t.settle();
        }
        sameAnswers(a, b, EcsSnapshotTest::describeTasks);
        assertThat(describeTasks(b)).contains("RUNNING", "STOPPED UserInitiated");
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    /** Container instances with and without a trunk, one DRAINING with an attribute and tags, EC2 tasks of both kinds. */
    private record InstancesWorld(RegionTwin region, String subnetA, String subnetB, String bridge, String awsvpc, String trunkedId,
                             String plainId) {
    }

    private static final Ec2Options RANDOM = new Ec2Options(List.of(), List.of(
            new dev.ecsnet.domain.ecs.placement.PlacementRequest.Strategy("random", Optional.empty())));

    private static InstancesWorld ec2World(long seed) {
        RegionTwin a = new RegionTwin(seed);
        Ecs ecs = a.region.ecs();
        String vpc = a.region.network().createVpc("10.0.0.0/16", null, Map.of()).id();
        String subnetA = a.region.network().createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String subnetB = a.region.network().createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
        ecs.createCluster(Optional.of("c"));
        ecs.accountSettings().put("awsvpcTrunking", "enabled", Optional.empty());
        Instance trunked = launchInstance(a, "m5.large", subnetA);
        ecs.accountSettings().put("awsvpcTrunking", "disabled", Optional.empty());
        Instance plain = launchInstance(a, "m5.large", subnetB);
        a.settle();
        ContainerInstance ci = ecs.containerInstances().forInstance(plain.id()).orElseThrow();
        ecs.containerInstances().putAttribute(ci, "stack", "blue");
        ecs.tags().tagResource(ci.arn(), tags("rack", "r1"));
        String bridge = Ec2TaskDefinitions.register(ecs, "bridge-app", "bridge", List.of(0, 8080));
        String awsvpc = Ec2TaskDefinitions.register(ecs, "eni-app", "awsvpc", List.of(9000));
        ecs.launch(ec2Launch(bridge, Optional.empty(), 3), RANDOM);
        a.settle();
        List<Task> eniTasks = ecs.launch(ec2Launch(awsvpc, Optional.of(List.of(subnetA, subnetB)), 2), RANDOM).tasks();
        a.advance(Duration.ofMillis(250));
        ecs.stopTask(Optional.of("c"), eniTasks.get(0).id(), Optional.empty());
        ecs.containerInstances().updateState(ci, "DRAINING");
        return new InstancesWorld(a, subnetA, subnetB, bridge, awsvpc, trunked.id(), plain.id());
    }

    @Test
    void containerInstancesAndTheirTasksComeBackWithWhatTheyHold() {
        assumeInstancesRestore();
        InstancesWorld w = ec2World(11);
        RegionTwin a = w.region();

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(b.region.ecs().containerInstances().forInstance(w.trunkedId()).orElseThrow().trunk()).isPresent();
        assumeNetworkRestores(b, w.subnetA());
        goOnWithContainerInstances(w, a, b);
    }

    private static void goOnWithContainerInstances(InstancesWorld w, RegionTwin a, RegionTwin b) {
        sameAnswers(a, b, EcsSnapshotTest::describeContainerInstances);
        sameAnswers(a, b, EcsSnapshotTest::describeTasks);
        for (RegionTwin t : List.of(a, b)) {
            Ecs e = t.region.ecs();
            t.settle();
            e.containerInstances().updateState(e.containerInstances().forInstance(w.plainId()).orElseThrow(), "ACTIVE");
            e.launch(ec2Launch(w.bridge(), Optional.empty(), 2), RANDOM);
            e.launch(ec2Launch(w.awsvpc(), Optional.of(List.of(w.subnetA(), w.subnetB())), 1), RANDOM);
            t.settle();
        }
        sameAnswers(a, b, EcsSnapshotTest::describeContainerInstances);
        sameAnswers(a, b, EcsSnapshotTest::describeTasks);
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    /**
     * Every kind of state, restored into a fresh ECS over the same network and instances (so it does not wait for
     * their snapshots): container instances with and without a trunk, an INACTIVE one, EC2 tasks with host ports
     * and branch ENIs, tasks waiting for Auto Scaling capacity, Fargate tasks, and tasks and container instances of
     * a cluster since deleted and created again. The restored ECS exports exactly what it was given.
     */
    @Test
    void everyKindOfStateRestoresIntoAFreshEcsThatExportsItUnchanged() {
        RegionTwin a = new RegionTwin(23);
        Ecs ecs = a.region.ecs();
        String vpc = a.region.network().createVpc("10.0.0.0/16", null, Map.of()).id();
        String subnetA = a.region.network().createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String subnetB = a.region.network().createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
        ecs.createCluster(Optional.of("c"));
        ecs.createCluster(Optional.of("old"));
        ecs.accountSettings().put("awsvpcTrunking", "enabled", Optional.empty());
        launchInstance(a, "m5.large", subnetA);
        ecs.accountSettings().put("awsvpcTrunking", "disabled", Optional.empty());
        Instance plain = launchInstance(a, "m5.large", subnetB);
        Instance inOld = launchInstance(a, "t3.medium", subnetA, "ECS_CLUSTER=old");
        String bridge = Ec2TaskDefinitions.register(ecs, "bridge-app", "bridge", List.of(0, 8080));
        String awsvpc = Ec2TaskDefinitions.register(ecs, "eni-app", "awsvpc", List.of(9000));
        ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
        ecs.launch(ec2Launch(bridge, Optional.empty(), 2), Ec2Options.NONE);
        ecs.launch(ec2Launch(awsvpc, Optional.of(List.of(subnetA, subnetB)), 3), Ec2Options.NONE);
        TaskLaunch inOldCluster = new TaskLaunch(Optional.of("old"), "web-app", 1, Optional.of("FARGATE"), List.of(),
                Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetA), List.of(), Optional.empty())), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), false);
        Task oldTask = ecs.runTask(inOldCluster).get(0);
        a.settle();
        ecs.stopTask(Optional.of("old"), oldTask.id(), Optional.empty());
        ecs.deregisterContainerInstance(Optional.of("old"), ecs.containerInstances().forInstance(inOld.id()).orElseThrow().id(), false);
        a.settle();
        ecs.deleteCluster("old");
        ecs.createCluster(Optional.of("old"));
        ecs.runTask(inOldCluster);

        String template = a.region.launchTemplates().create("nodes", null, new dev.ecsnet.domain.ec2.LaunchTemplateData(Map.of(
                "ImageId", ecsImage("t3.medium"), "InstanceType", "t3.medium")), Map.of(), null).id();
        a.region.autoScaling().createGroup(new dev.ecsnet.domain.autoscaling.GroupRequest("ecs-nodes", 0, 4, 0,
                new dev.ecsnet.domain.autoscaling.LaunchTemplateSpec(template, null, "$Latest"), subnetA + "," + subnetB, null, null, null,
                null, null, null, true, null, null, null, null, null, Map.of()));
        ecs.capacityProviders().createCapacityProvider("nodes", "ecs-nodes", new AsgCapacityProviders.Scaling(Optional.of("ENABLED"),
                Optional.of(100), Optional.empty(), Optional.empty(), Optional.empty()), Optional.of("ENABLED"), Optional.empty(), Map.of());
        ecs.capacityProviders().putClusterCapacityProviders("c", List.of("nodes"), List.of(new CapacityProviderStrategyItem("nodes", 1, 0)));
        Ec2Options placement = new Ec2Options(List.of(new dev.ecsnet.domain.ecs.placement.PlacementRequest.Constraint("distinctInstance",
                Optional.empty())), List.of(new dev.ecsnet.domain.ecs.placement.PlacementRequest.Strategy("spread",
                Optional.of("attribute:ecs.availability-zone"))));
        LaunchResult waiting = ecs.launch(new TaskLaunch(Optional.of("c"), awsvpc, 2, Optional.empty(),
                List.of(new CapacityProviderStrategyItem("nodes", 1, 0)),
                Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetA, subnetB), List.of(), Optional.of("DISABLED"))),
                Optional.of("batch-7"), Optional.of("group:jobs"), Map.of("containerOverrides", List.of(Map.of("name", "app"))),
                tags("job", "7"), true), placement);
        assertThat(waiting.tasks()).allMatch(Task::isWaitingForCapacity);
        ecs.containerInstances().updateState(ecs.containerInstances().forInstance(plain.id()).orElseThrow(), "DRAINING");
        ecs.taskDefinitions().deregister(bridge);

        EcsRecord recorded = ecs.export();
        assertThat(recorded.retiredClusters()).extracting(EcsRecord.ClusterRecord::name, EcsRecord.ClusterRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("old", "INACTIVE"));
        assertThat(recorded.containerInstances()).extracting(EcsRecord.ContainerInstanceRecord::retiredCluster).containsExactly(null, null, 0);
        assertThat(recorded.containerInstances()).filteredOn(ci -> ci.trunk() != null).hasSize(1);
        assertThat(recorded.ec2Launcher().waiting()).hasSize(2).allSatisfy(w -> assertThat(w.network().subnetIdsByZone()).hasSize(2));
        assertThat(recorded.tasks()).flatExtracting(EcsRecord.ClusterTasksRecord::tasks).filteredOn(t -> t.ec2() != null
                && t.ec2().branchEni()).isNotEmpty();

        Ecs fresh = new Ecs(RegionTwin.KEY, new dev.ecsnet.domain.common.IdSource(23), a::now,
                new dev.ecsnet.domain.common.Timers((delay, kind, key, args) -> {
                    throw new AssertionError("restore armed a timer: " + kind + " " + key);
                }), dev.ecsnet.domain.common.TimingProfile.FAST, a.region.network(), a.region.logs(),
                dev.ecsnet.domain.common.EgressPolicy.IGNORE, a.region.instances());
        fresh.restore(recorded);

        assertThat(fresh.export()).isEqualTo(recorded);
        Cluster c = fresh.findCluster("c").orElseThrow();
        assertThat(fresh.runningTasksCount(c)).isEqualTo(ecs.runningTasksCount(ecs.findCluster("c").orElseThrow()));
        assertThat(fresh.pendingTasksCount(c)).isEqualTo(ecs.pendingTasksCount(ecs.findCluster("c").orElseThrow()));
        assertThat(fresh.containerInstances().of(fresh.findCluster("old").orElseThrow())).as("the earlier cluster's instance stays its own")
                .isEmpty();
        assertThat(fresh.tasksOf(fresh.findCluster("old").orElseThrow())).hasSize(2);
        assertThat(fresh.ec2Launcher().waitingOn("nodes")).extracting(Task::arn)
                .containsExactlyElementsOf(waiting.tasks().stream().map(Task::arn).toList());
        assertThatThrownBy(() -> fresh.restore(recorded)).isInstanceOf(IllegalStateException.class);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Tasks need their ENIs and subnets in the twin: Network's snapshot. */
    private static void assumeNetworkRestores(RegionTwin b, String subnetId) {
        assumeThat(b.region.network().findSubnet(subnetId)).as("the twin's network has the original's subnets").isPresent();
    }

    /** Container instances take their EC2 instance from the twin's Instances, restored before ECS. */
    private static void assumeInstancesRestore() {
        RegionTwin probe = new RegionTwin(1);
        String vpc = probe.region.network().createVpc("10.0.0.0/16", null, Map.of()).id();
        String subnet = probe.region.network().createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String image = Images.all().stream().filter(i -> !Images.runsEcsAgent(i)).findFirst().orElseThrow().imageId();
        Instance i = probe.region.instances().run(new Instances.Launch(image, "t3.micro", 1, 1, subnet, List.of(), "", null, null,
                null, Map.of())).get(0);
        assumeThat(probe.twin().region.instances().find(i.id())).as("the twin has the original's instances").isPresent();
    }

    private static void sameAnswers(RegionTwin a, RegionTwin b, Function<RegionTwin, String> describe) {
        assertThat(describe.apply(b)).isEqualTo(describe.apply(a));
    }

    private static Map<String, String> tags(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    private static String describeControlPlane(RegionTwin t) {
        Ecs ecs = t.region.ecs();
        StringBuilder b = new StringBuilder();
        for (Cluster c : ecs.clusters()) {
            b.append(c.name()).append(' ').append(c.status()).append(' ').append(c.arn()).append(' ').append(c.tags())
                    .append(' ').append(c.settings()).append(' ').append(c.capacityProviders()).append(' ')
                    .append(c.defaultCapacityProviderStrategy()).append(' ').append(c.configuration()).append(" attachments ")
                    .append(c.attachmentsStatus().orElse("-")).append(' ').append(c.attachments()).append(' ')
                    .append(ecs.runningTasksCount(c)).append('/').append(ecs.pendingTasksCount(c)).append('\n');
        }
        for (String status : List.of("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS")) {
            for (TaskDefinition td : ecs.taskDefinitions().list(Optional.empty(), status, false)) {
                b.append(td.family()).append(':').append(td.revision()).append(' ').append(td.status()).append(' ')
                        .append(td.registeredAt()).append(' ').append(td.deregisteredAt()).append(' ').append(td.tags()).append(' ')
                        .append(td.document()).append('\n');
            }
        }
        b.append(ecs.taskDefinitions().familyNames(Optional.empty(), "ALL")).append('\n');
        b.append(ecs.accountSettings().list(Optional.empty(), Optional.empty(), Optional.empty(), true)).append('\n');
        b.append(ecs.accountSettings().list(Optional.empty(), Optional.empty(), Optional.of(BOB), false)).append('\n');
        return b.toString();
    }

    private static String describeTasks(RegionTwin t) {
        Ecs ecs = t.region.ecs();
        StringBuilder b = new StringBuilder();
        for (Cluster c : ecs.clusters()) {
            b.append(c.name()).append(' ').append(ecs.runningTasksCount(c)).append('/').append(ecs.pendingTasksCount(c)).append('\n');
            for (Task task : ecs.tasksInLaunchOrder(c)) {
                b.append(task.arn()).append(' ').append(task.lastStatus()).append(' ').append(task.desiredStatus()).append(' ')
                        .append(task.stopCode().map(s -> "STOPPED " + s).orElse("")).append(' ').append(task.stoppedReason()).append(' ')
                        .append(task.version()).append(' ').append(task.spec().subnetId()).append(' ').append(task.spec().availabilityZone())
                        .append(' ').append(task.networkInterfaceId()).append(' ').append(task.privateIpv4Address()).append(' ')
                        .append(task.spec().createdAt()).append(' ').append(task.connectivityAt()).append(' ').append(task.startedAt())
                        .append(' ').append(task.stoppingAt()).append(' ').append(task.executionStoppedAt()).append(' ')
                        .append(task.stoppedAt()).append(' ').append(task.tags()).append(' ').append(task.spec().taskDefinition().arn())
                        .append(' ').append(task.attachment().id()).append(' ').append(task.attachment().status()).append(' ')
                        .append(task.attachment().details()).append(' ')
                        .append(task.ec2().map(p -> p.containerInstance().id() + " " + p.bindings() + " " + p.deviceIndex()).orElse("-"));
                for (TaskContainer container : task.containers()) {
                    b.append(" [").append(container.arn()).append(' ').append(container.lastStatus()).append(' ')
                            .append(container.runtimeId()).append(' ').append(container.exitCode()).append(']');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String describeContainerInstances(RegionTwin t) {
        Ecs ecs = t.region.ecs();
        StringBuilder b = new StringBuilder();
        for (Cluster c : ecs.clusters()) {
            for (ContainerInstance ci : ecs.containerInstances().of(c)) {
                b.append(ci.arn()).append(' ').append(ci.ec2InstanceId()).append(' ').append(ci.status()).append(' ')
                        .append(ci.version()).append(' ').append(ci.registeredAt()).append(' ').append(ci.remainingCpu()).append(' ')
                        .append(ci.remainingMemory()).append(' ').append(ci.usedTcpPorts()).append(' ').append(ci.usedEniSlots())
                        .append('/').append(ci.eniSlots()).append(' ').append(ci.trunk()).append(' ').append(ci.attributes())
                        .append(' ').append(ci.tags()).append(' ').append(ci.reservations().keySet()).append('\n');
            }
        }
        return b.toString();
    }

    private static String ecsImage(String type) {
        return Images.all().stream().filter(i -> i.architecture().equals(InstanceTypes.find(type).orElseThrow().architecture()))
                .filter(Images::runsEcsAgent).findFirst().orElseThrow().imageId();
    }

    private static Instance launchInstance(RegionTwin t, String type, String subnet) {
        return launchInstance(t, type, subnet, "ECS_CLUSTER=c");
    }

    private static Instance launchInstance(RegionTwin t, String type, String subnet, String userData) {
        Instance i = t.region.instances().run(new Instances.Launch(ecsImage(type), type, 1, 1, subnet, List.of(), userData, null, null,
                null, Map.of())).get(0);
        t.settle();
        return i;
    }

    private static TaskLaunch ec2Launch(String td, Optional<List<String>> subnets, int count) {
        return new TaskLaunch(Optional.of("c"), td, count, Optional.of("EC2"), List.of(),
                subnets.map(s -> new TaskLaunch.AwsvpcConfiguration(s, List.of(), Optional.empty())), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), false);
    }

    /** EC2 task definitions: bridge host ports (0 = dynamic) or awsvpc container ports. */
    private static final class Ec2TaskDefinitions {
        static String register(Ecs ecs, String family, String mode, List<Integer> ports) {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("name", "app");
            container.put("image", "nginx");
            container.put("cpu", 256);
            container.put("memory", 512);
            List<Object> mappings = new ArrayList<>();
            for (int p : ports) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("containerPort", mode.equals("bridge") ? 80 + mappings.size() : p);
                if (mode.equals("bridge")) {
                    pm.put("hostPort", p);
                }
                mappings.add(pm);
            }
            container.put("portMappings", mappings);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("family", family);
            doc.put("networkMode", mode);
            doc.put("containerDefinitions", new ArrayList<>(List.of(container)));
            return ecs.taskDefinitions().register(doc, Map.of()).arn();
        }
    }
}
