package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ecs.EcsRecord.AccountSettingsRecord;
import dev.ecsnet.domain.ecs.EcsRecord.AttachmentRecord;
import dev.ecsnet.domain.ecs.EcsRecord.AwsvpcRecord;
import dev.ecsnet.domain.ecs.EcsRecord.CheckedNetworkRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ClusterRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ClusterTasksRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ConstraintRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ContainerDefinitionRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ContainerInstanceRecord;
import dev.ecsnet.domain.ecs.EcsRecord.Ec2LauncherRecord;
import dev.ecsnet.domain.ecs.EcsRecord.Ec2PlacementRecord;
import dev.ecsnet.domain.ecs.EcsRecord.FargatePlacementRecord;
import dev.ecsnet.domain.ecs.EcsRecord.PlacementStrategyRecord;
import dev.ecsnet.domain.ecs.EcsRecord.PortBindingRecord;
import dev.ecsnet.domain.ecs.EcsRecord.ReservationRecord;
import dev.ecsnet.domain.ecs.EcsRecord.StrategyItemRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskAttachmentRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskContainerRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskDefinitionAsLaunched;
import dev.ecsnet.domain.ecs.EcsRecord.TaskDefinitionRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskLaunchRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TaskSpecRecord;
import dev.ecsnet.domain.ecs.EcsRecord.TrunkRecord;
import dev.ecsnet.domain.ecs.EcsRecord.WaitingTaskRecord;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Ecs#export()} and {@link Ecs#restore}: the ECS state (the service side aside) to and from {@link EcsRecord}.
 * Restore rebuilds the objects and the indexes over them (tasks by cluster and their counts by status, container
 * instances by id); it draws no id and arms no timer.
 */
final class EcsSnapshots {
    private EcsSnapshots() {
    }

    // ---- export -----------------------------------------------------------------------------------------------

    static EcsRecord export(Ecs ecs) {
        Exporter x = new Exporter(ecs);
        List<ClusterRecord> clusters = ecs.clusterMap().values().stream().map(EcsSnapshots::cluster).toList();
        List<TaskDefinitionRecord> definitions = ecs.taskDefinitions().allRevisions().stream().map(EcsSnapshots::taskDefinition).toList();
        AccountSettings settings = ecs.accountSettings();
        Map<String, Map<String, String>> byPrincipal = new LinkedHashMap<>();
        settings.byPrincipal().forEach((p, values) -> byPrincipal.put(p, new LinkedHashMap<>(values)));
        AccountSettingsRecord accountSettings = new AccountSettingsRecord(new LinkedHashMap<>(settings.accountDefaults()), byPrincipal);
        List<ContainerInstanceRecord> instances = ecs.containerInstances().all().stream().map(x::containerInstance).toList();
        List<ClusterTasksRecord> tasks = new ArrayList<>();
        ecs.taskMap().forEach((name, of) -> tasks.add(new ClusterTasksRecord(name, of.inLaunchOrder().stream().map(x::task).toList())));
        TaskPlacement fargate = ecs.fargatePlacement();
        Ec2TaskLauncher launcher = ecs.ec2Launcher();
        Ec2LauncherRecord ec2 = new Ec2LauncherRecord(launcher.randomState(), new LinkedHashMap<>(launcher.subnetRotation()),
                launcher.waiting().stream().map(EcsSnapshots::waiting).toList());
        return new EcsRecord(clusters, x.retired, definitions, accountSettings, instances, tasks,
                new FargatePlacementRecord(fargate.rotation(), new LinkedHashMap<>(fargate.turns())), ec2);
    }

    /** Numbers the earlier clusters of a name that tasks and container instances still refer to, as it meets them. */
    private static final class Exporter {
        private final Ecs ecs;
        private final Map<Cluster, Integer> retiredIndex = new IdentityHashMap<>();
        private final List<ClusterRecord> retired = new ArrayList<>();

        Exporter(Ecs ecs) {
            this.ecs = ecs;
        }

        Integer clusterRef(Cluster c) {
            if (ecs.clusterMap().get(c.name()) == c) {
                return null;
            }
            return retiredIndex.computeIfAbsent(c, k -> {
                retired.add(cluster(k));
                return retired.size() - 1;
            });
        }

        ContainerInstanceRecord containerInstance(ContainerInstance ci) {
            TrunkRecord trunk = ci.trunk().map(t -> new TrunkRecord(t.trunkId(), t.attachmentId(), t.networkInterfaceId(),
                    t.macAddress(), t.privateIpAddress(), t.subnetId())).orElse(null);
            List<ReservationRecord> reservations = ci.reservations().values().stream().map(r -> new ReservationRecord(r.taskArn(),
                    r.group(), r.cpu(), r.memory(), r.tcpPorts().stream().sorted().toList(), r.udpPorts().stream().sorted().toList(),
                    r.eni(), r.deviceIndex())).toList();
            return new ContainerInstanceRecord(ci.id(), ci.arn(), ci.cluster().name(), clusterRef(ci.cluster()), ci.ec2InstanceId(),
                    ci.registeredCpu(), ci.registeredMemory(), ci.eniSlots(), trunk, ci.registeredAt(),
                    new LinkedHashMap<>(ci.attributes()), new LinkedHashMap<>(ci.tags()), reservations, ci.status(),
                    ci.statusReason().orElse(null), ci.version());
        }

        TaskRecord task(Task t) {
            Task.Spec s = t.spec();
            TaskDefinition td = s.taskDefinition();
            TaskDefinitionAsLaunched asLaunched = ecs.taskDefinitions().isCurrent(td) ? null : new TaskDefinitionAsLaunched(td.status(),
                    td.deregisteredAt().orElse(null), td.deleteRequestedAt().orElse(null), new LinkedHashMap<>(td.tags()));
            TaskSpecRecord spec = new TaskSpecRecord(s.id(), s.arn(), clusterRef(s.cluster()), td.arn(), asLaunched, s.launchType(),
                    s.capacityProviderName(), s.subnetId(), s.availabilityZone(), s.securityGroupIds(), s.assignPublicIp(),
                    s.group(), s.startedBy().orElse(null), ClientDocument.deepCopy(s.overrides()), new LinkedHashMap<>(s.tags()),
                    s.enableExecuteCommand(), s.createdAt());
            List<TaskContainerRecord> containers = t.containers().stream().map(c -> new TaskContainerRecord(c.arn(),
                    c.definition().name(), c.lastStatus(), c.exitCode().orElse(null), c.runtimeId().orElse(null))).toList();
            TaskAttachmentRecord attachment = new TaskAttachmentRecord(t.attachment().id(), t.attachment().status(),
                    new LinkedHashMap<>(t.attachment().details()));
            Task.State st = t.state();
            Ec2PlacementRecord ec2 = st.ec2() == null ? null : new Ec2PlacementRecord(st.ec2().containerInstance().id(),
                    st.ec2().bindings().stream().map(b -> new PortBindingRecord(b.containerName(), b.containerPort(), b.hostPort(),
                            b.protocol())).toList(), st.ec2().branchEni(), st.ec2().deviceIndex());
            return new TaskRecord(spec, containers, attachment, new LinkedHashMap<>(t.tags()), st.lastStatus(), st.desiredStatus(),
                    st.version(), st.networkInterfaceId(), st.privateIpv4Address(), st.stopCode(), st.stoppedReason(), st.stoppingAt(),
                    st.stoppedAt(), st.executionStoppedAt(), st.pullStartedAt(), st.pullStoppedAt(), st.startedAt(), st.connectivityAt(), ec2);
        }
    }

    private static ClusterRecord cluster(Cluster c) {
        return new ClusterRecord(c.name(), c.arn(), c.status(), new LinkedHashMap<>(c.tags()), new LinkedHashMap<>(c.settings()),
                c.capacityProviders(), strategy(c.defaultCapacityProviderStrategy()),
                c.configuration().map(ClientDocument::deepCopy).orElse(null), c.serviceConnectNamespaceArn().orElse(null),
                c.attachments().stream().map(a -> new AttachmentRecord(a.id(), a.type(), a.status())).toList(),
                c.attachmentsStatus().orElse(null), c.attachmentsGeneration());
    }

    private static List<StrategyItemRecord> strategy(List<CapacityProviderStrategyItem> items) {
        return items.stream().map(i -> new StrategyItemRecord(i.capacityProvider(), i.weight(), i.base())).toList();
    }

    private static TaskDefinitionRecord taskDefinition(TaskDefinition td) {
        return new TaskDefinitionRecord(td.arn(), td.family(), td.revision(), td.status(), ClientDocument.deepCopy(td.document()),
                td.containers().stream().map(c -> new ContainerDefinitionRecord(c.name(), c.image(), c.cpu().orElse(null),
                        c.memory().orElse(null), c.memoryReservation().orElse(null))).toList(),
                td.networkMode(), td.cpu().orElse(null), td.memory().orElse(null), td.requiresCompatibilities(), td.compatibilities(),
                td.requiresAttributes(), td.registeredAt(), td.registeredBy(), td.deregisteredAt().orElse(null),
                new LinkedHashMap<>(td.tags()), td.deleteRequestedAt().orElse(null));
    }

    private static WaitingTaskRecord waiting(Ec2TaskLauncher.Waiting w) {
        TaskLaunch r = w.request();
        AwsvpcRecord awsvpc = r.networkConfiguration().map(n -> new AwsvpcRecord(n.subnets(), n.securityGroups(),
                n.assignPublicIp().orElse(null))).orElse(null);
        TaskLaunchRecord request = new TaskLaunchRecord(r.cluster().orElse(null), r.taskDefinition(), r.count(),
                r.launchType().orElse(null), strategy(r.capacityProviderStrategy()), awsvpc, r.startedBy().orElse(null),
                r.group().orElse(null), ClientDocument.deepCopy(r.overrides()), new LinkedHashMap<>(r.tags()), r.enableExecuteCommand());
        CheckedNetworkRecord network = w.net().map(n -> {
            Map<String, List<String>> byZone = new LinkedHashMap<>();
            n.subnetsByZone().forEach((zone, subnets) -> byZone.put(zone, subnets.stream().map(Subnet::id).toList()));
            return new CheckedNetworkRecord(byZone, List.copyOf(n.securityGroupIds()), n.assignPublicIp());
        }).orElse(null);
        return new WaitingTaskRecord(w.task().arn(), request,
                w.options().constraints().stream().map(c -> new ConstraintRecord(c.type(), c.expression().orElse(null))).toList(),
                w.options().strategies().stream().map(s -> new PlacementStrategyRecord(s.type(), s.field().orElse(null))).toList(),
                network);
    }

    // ---- restore ----------------------------------------------------------------------------------------------

    static void restore(Ecs ecs, EcsRecord record) {
        if (!ecs.clusterMap().isEmpty() || !ecs.taskMap().isEmpty() || !ecs.containerInstances().all().isEmpty()
                || !ecs.taskDefinitions().allRevisions().isEmpty()) {
            throw new IllegalStateException("ECS state is restored only into a freshly built ECS");
        }
        ecs.accountSettings().restore(record.accountSettings().accountDefaults(), record.accountSettings().byPrincipal());
        record.taskDefinitions().forEach(r -> ecs.taskDefinitions().restore(taskDefinition(r)));
        record.clusters().forEach(r -> ecs.clusterMap().put(r.name(), cluster(r)));
        List<Cluster> retired = record.retiredClusters().stream().map(EcsSnapshots::cluster).toList();
        Restorer x = new Restorer(ecs, retired);
        record.containerInstances().forEach(r -> ecs.containerInstances().restore(x.containerInstance(r)));
        for (ClusterTasksRecord of : record.tasks()) {
            ClusterTasks tasks = new ClusterTasks();
            of.tasks().forEach(r -> tasks.add(x.task(of.clusterName(), r)));
            ecs.taskMap().put(of.clusterName(), tasks);
        }
        ecs.fargatePlacement().restore(record.fargatePlacement().rotation(), record.fargatePlacement().turns());
        Ec2LauncherRecord ec2 = record.ec2Launcher();
        ecs.ec2Launcher().restore(ec2.randomState(), ec2.subnetRotation(), ec2.waiting().stream().map(x::waiting).toList());
    }

    private static final class Restorer {
        private final Ecs ecs;
        private final List<Cluster> retired;
        private final Map<String, ContainerInstance> instancesById = new LinkedHashMap<>();
        private final Map<String, TaskDefinition> definitionsByArn = new java.util.HashMap<>();

        Restorer(Ecs ecs, List<Cluster> retired) {
            this.ecs = ecs;
            this.retired = retired;
        }

        Cluster cluster(String name, Integer retiredIndex) {
            Cluster c = retiredIndex == null ? ecs.clusterMap().get(name) : retired.get(retiredIndex);
            if (c == null || !c.name().equals(name)) {
                throw new IllegalArgumentException("no cluster " + name + (retiredIndex == null ? "" : " (retired #" + retiredIndex + ")"));
            }
            return c;
        }

        ContainerInstance containerInstance(ContainerInstanceRecord r) {
            Instance instance = ecs.instances().find(r.ec2InstanceId()).orElseThrow(() -> new IllegalArgumentException(
                    "container instance " + r.id() + " runs on instance " + r.ec2InstanceId() + ", which is not there: restore the instances first"));
            TrunkRecord t = r.trunk();
            ContainerInstance.Trunk trunk = t == null ? null : new ContainerInstance.Trunk(t.trunkId(), t.attachmentId(),
                    t.networkInterfaceId(), t.macAddress(), t.privateIpAddress(), t.subnetId());
            ContainerInstance ci = new ContainerInstance(r.id(), r.arn(), cluster(r.clusterName(), r.retiredCluster()), instance,
                    r.registeredCpu(), r.registeredMemory(), r.eniSlots(), trunk, r.registeredAt(), r.status());
            List<ContainerInstance.Reservation> reservations = r.reservations().stream().map(x -> new ContainerInstance.Reservation(
                    x.taskArn(), x.group(), x.cpu(), x.memory(), new LinkedHashSet<>(x.tcpPorts()), new LinkedHashSet<>(x.udpPorts()),
                    x.eni(), x.deviceIndex())).toList();
            ci.restore(r.attributes(), r.tags(), reservations, r.statusReason(), r.version());
            instancesById.put(ci.id(), ci);
            return ci;
        }

        Task task(String clusterName, TaskRecord r) {
            TaskSpecRecord s = r.spec();
            TaskDefinition current = definitionsByArn.computeIfAbsent(s.taskDefinitionArn(), arn -> ecs.taskDefinitions().revision(arn)
                    .orElseThrow(() -> new IllegalArgumentException("task " + s.id() + " runs " + arn + ", which is not recorded")));
            TaskDefinitionAsLaunched l = s.taskDefinitionAsLaunched();
            TaskDefinition td = l == null ? current : new TaskDefinition(current.arn(), current.family(), current.revision(), l.status(),
                    current.document(), current.containers(), current.networkMode(), current.cpu(), current.memory(),
                    current.requiresCompatibilities(), current.compatibilities(), current.requiresAttributes(), current.registeredAt(),
                    current.registeredBy(), Optional.ofNullable(l.deregisteredAt()), l.tags(), Optional.ofNullable(l.deleteRequestedAt()));
            Task.Spec spec = new Task.Spec(s.id(), s.arn(), cluster(clusterName, s.retiredCluster()), td, s.launchType(),
                    s.capacityProviderName(), s.subnetId(), s.availabilityZone(), s.securityGroupIds(), s.assignPublicIp(), s.group(),
                    Optional.ofNullable(s.startedBy()), ClientDocument.deepCopy(s.overrides()), s.requestTags(), s.enableExecuteCommand(),
                    s.createdAt());
            List<TaskContainer> containers = new ArrayList<>();
            for (TaskContainerRecord c : r.containers()) {
                ContainerDefinition definition = td.containers().stream().filter(d -> d.name().equals(c.name())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("task " + s.id() + ": no container " + c.name() + " in " + td.arn()));
                TaskContainer container = new TaskContainer(c.arn(), definition);
                container.restore(c.lastStatus(), c.exitCode(), c.runtimeId());
                containers.add(container);
            }
            TaskAttachment attachment = new TaskAttachment(r.attachment().id(), s.subnetId());
            attachment.restore(r.attachment().status(), r.attachment().details());
            Task task = new Task(spec, containers, attachment);
            Ec2Placement ec2 = null;
            if (r.ec2() != null) {
                ContainerInstance ci = instancesById.get(r.ec2().containerInstanceId());
                if (ci == null) {
                    throw new IllegalArgumentException("task " + s.id() + " runs on container instance " + r.ec2().containerInstanceId()
                            + ", which is not recorded");
                }
                ec2 = new Ec2Placement(ci, r.ec2().bindings().stream().map(b -> new TaskNeeds.PortMapping(b.containerName(),
                        b.containerPort(), b.hostPort(), b.protocol())).toList(), r.ec2().branchEni(), r.ec2().deviceIndex());
            }
            task.restore(new Task.State(r.lastStatus(), r.desiredStatus(), r.version(), r.networkInterfaceId(), r.privateIpv4Address(),
                    r.stopCode(), r.stoppedReason(), r.stoppingAt(), r.stoppedAt(), r.executionStoppedAt(), r.pullStartedAt(),
                    r.pullStoppedAt(), r.startedAt(), r.connectivityAt(), ec2), r.tags());
            return task;
        }

        Ec2TaskLauncher.Waiting waiting(WaitingTaskRecord w) {
            String[] parts = w.taskArn().split("/");
            ClusterTasks of = parts.length < 3 ? null : ecs.taskMap().get(parts[parts.length - 2]);
            Task task = Optional.ofNullable(of).flatMap(o -> o.find(parts[parts.length - 1])).orElseThrow(() ->
                    new IllegalArgumentException("a task waiting for capacity, " + w.taskArn() + ", is not recorded"));
            TaskLaunchRecord r = w.request();
            Optional<TaskLaunch.AwsvpcConfiguration> awsvpc = Optional.ofNullable(r.networkConfiguration()).map(n ->
                    new TaskLaunch.AwsvpcConfiguration(n.subnets(), n.securityGroups(), Optional.ofNullable(n.assignPublicIp())));
            TaskLaunch request = new TaskLaunch(Optional.ofNullable(r.cluster()), r.taskDefinition(), r.count(),
                    Optional.ofNullable(r.launchType()), strategyItems(r.capacityProviderStrategy()), awsvpc,
                    Optional.ofNullable(r.startedBy()), Optional.ofNullable(r.group()), ClientDocument.deepCopy(r.overrides()), r.tags(),
                    r.enableExecuteCommand());
            Ec2Options options = new Ec2Options(
                    w.constraints().stream().map(c -> new PlacementRequest.Constraint(c.type(), Optional.ofNullable(c.expression()))).toList(),
                    w.strategies().stream().map(s -> new PlacementRequest.Strategy(s.type(), Optional.ofNullable(s.field()))).toList());
            return new Ec2TaskLauncher.Waiting(task, request, options, Optional.ofNullable(w.network()).map(this::network));
        }

        /**
         * The subnets a waiting task may still be placed in. One deleted since the task started waiting is left out,
         * and a zone left with none: the original still held the deleted subnet, and would have sent the task there
         * to fail to start. With none left at all, the task is never placed and stops when its wait times out.
         */
        private TaskPlacement.Checked network(CheckedNetworkRecord n) {
            Map<String, List<Subnet>> byZone = new LinkedHashMap<>();
            n.subnetIdsByZone().forEach((zone, ids) -> {
                List<Subnet> subnets = ids.stream().flatMap(id -> ecs.network().findSubnet(id).stream()).toList();
                if (!subnets.isEmpty()) {
                    byZone.put(zone, subnets);
                }
            });
            return new TaskPlacement.Checked(byZone, n.securityGroupIds(), n.assignPublicIp());
        }
    }

    private static List<CapacityProviderStrategyItem> strategyItems(List<StrategyItemRecord> items) {
        return items.stream().map(i -> new CapacityProviderStrategyItem(i.capacityProvider(), i.weight(), i.base())).toList();
    }

    private static Cluster cluster(ClusterRecord r) {
        Cluster c = new Cluster(r.name(), r.arn(), r.tags(), r.settings());
        c.capacityProviders(r.capacityProviders(), strategyItems(r.defaultCapacityProviderStrategy()));
        if (r.configuration() != null) {
            c.configuration(r.configuration());
        }
        c.serviceConnectNamespaceArn(r.serviceConnectNamespaceArn());
        c.restoreAttachments(r.attachments().stream().map(a -> new Cluster.Attachment(a.id(), a.type(), a.status())).toList(),
                r.attachmentsStatus(), r.attachmentsGeneration());
        switch (r.status()) {
            case Cluster.ACTIVE -> {
            }
            case Cluster.INACTIVE -> c.deactivate();
            default -> throw new IllegalArgumentException("cluster " + r.name() + " has status " + r.status());
        }
        return c;
    }

    private static TaskDefinition taskDefinition(TaskDefinitionRecord r) {
        return new TaskDefinition(r.arn(), r.family(), r.revision(), r.status(), ClientDocument.deepCopy(r.document()),
                r.containers().stream().map(c -> new ContainerDefinition(c.name(), c.image(), Optional.ofNullable(c.cpu()),
                        Optional.ofNullable(c.memory()), Optional.ofNullable(c.memoryReservation()))).toList(),
                r.networkMode(), Optional.ofNullable(r.cpu()), Optional.ofNullable(r.memory()), r.requiresCompatibilities(),
                r.compatibilities(), r.requiresAttributes(), r.registeredAt(), r.registeredBy(), Optional.ofNullable(r.deregisteredAt()),
                r.tags(), Optional.ofNullable(r.deleteRequestedAt()));
    }
}
