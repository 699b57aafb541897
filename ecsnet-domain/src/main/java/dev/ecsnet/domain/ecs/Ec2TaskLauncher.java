package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.ecs.placement.Checks;
import dev.ecsnet.domain.ecs.placement.Host;
import dev.ecsnet.domain.ecs.placement.Placement;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * RunTask and StartTask on the EC2 launch type: each task goes through {@link Placement} over the cluster's
 * ACTIVE container instances and reserves what it takes on the chosen one before the next task is placed. Tasks
 * that fit nowhere become {@code failures} with ECS's reasons; the ones that fit are launched.
 */
final class Ec2TaskLauncher {

    private final EcsArns arns;
    private final IdSource ids;
    private final Clock clock;
    private final TaskPlacement network;
    private final ContainerInstances instances;
    private final TaskLifecycleDriver lifecycle;
    private final Random random;

    Ec2TaskLauncher(EcsArns arns, IdSource ids, Clock clock, TaskPlacement network, ContainerInstances instances,
                    TaskLifecycleDriver lifecycle) {
        this.arns = arns;
        this.ids = ids;
        this.clock = clock;
        this.network = network;
        this.instances = instances;
        this.lifecycle = lifecycle;
        this.random = ids.derive("ec2-placement");
    }

    /** Validates the network part of the request; nothing changes until every check has passed. */
    private Optional<TaskPlacement.Checked> checkNetwork(TaskDefinition td, TaskLaunch request) {
        if (!td.networkMode().equals("awsvpc")) {
            return Optional.empty();
        }
        TaskLaunch.AwsvpcConfiguration config = request.networkConfiguration().orElseThrow();
        if (config.assignPublicIp().filter("ENABLED"::equals).isPresent()) {
            throw invalidParameter("Assign public IP is not supported for this launch type.");
        }
        return Optional.of(network.check(config));
    }

    /** RunTask: {@code count} tasks placed over the cluster's container instances. */
    LaunchResult run(Cluster cluster, TaskDefinition td, TaskLaunch request, Ec2Options options, List<Task> into) {
        Optional<TaskPlacement.Checked> net = checkNetwork(td, request);
        if (instances.of(cluster).stream().noneMatch(ci -> ci.status() != ContainerInstance.Status.INACTIVE)) {
            throw invalidParameter("No Container Instances were found in your cluster.");
        }
        PlacementRequest placement = placementRequest(td, request, options, net);
        List<Task> started = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        Optional<Placement.Rejection> closest = Optional.empty();
        for (int i = 0; i < request.count(); i++) {
            List<ContainerInstance> candidates = instances.placeable(cluster);
            Placement.Decision d = Placement.decide(placement, hosts(candidates), random);
            if (d.chosen().isEmpty()) {
                addFailures(failures, d);
                closest = d.closest();
                break;
            }
            ContainerInstance ci = byArn(candidates, d.chosen().get().containerInstanceArn());
            started.add(launchOn(ci, cluster, td, request, net, placement.needs(), into));
        }
        return new LaunchResult(started, failures, closest);
    }

    /** StartTask: one task on each named container instance. */
    LaunchResult start(Cluster cluster, TaskDefinition td, TaskLaunch request, List<String> containerInstanceRefs, List<Task> into) {
        if (containerInstanceRefs.isEmpty() || containerInstanceRefs.size() > 10) {
            throw invalidParameter("containerInstances must contain between 1 and 10 items.");
        }
        Optional<TaskPlacement.Checked> net = checkNetwork(td, request);
        PlacementRequest placement = placementRequest(td, request, new Ec2Options(List.of(), List.of()), net);
        List<Task> started = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        for (String ref : containerInstanceRefs) {
            Optional<ContainerInstance> ci = instances.find(cluster, ref);
            String arn = ref.startsWith("arn:") ? ref : arns.containerInstance(cluster.name(), ref);
            if (ci.isEmpty()) {
                failures.add(new LaunchResult.Failure(arn, "MISSING"));
                continue;
            }
            if (ci.get().status() == ContainerInstance.Status.INACTIVE) {
                failures.add(new LaunchResult.Failure(ci.get().arn(), "INACTIVE"));
                continue;
            }
            Placement.Decision d = Placement.decide(placement, List.of(ci.get().host()), random);
            if (d.chosen().isEmpty()) {
                addFailures(failures, d);
                continue;
            }
            started.add(launchOn(ci.get(), cluster, td, request, net, placement.needs(), into));
        }
        return new LaunchResult(started, failures);
    }

    private static void addFailures(List<LaunchResult.Failure> failures, Placement.Decision d) {
        for (Placement.Rejection r : d.rejections()) {
            LaunchResult.Failure f = new LaunchResult.Failure(r.host().containerInstanceArn(), r.reason());
            if (!failures.contains(f)) {
                failures.add(f);
            }
        }
    }

    private static ContainerInstance byArn(List<ContainerInstance> candidates, String arn) {
        return candidates.stream().filter(c -> c.arn().equals(arn)).findFirst().orElseThrow();
    }

    private static List<Host> hosts(List<ContainerInstance> candidates) {
        return candidates.stream().map(ContainerInstance::host).toList();
    }

    private static PlacementRequest placementRequest(TaskDefinition td, TaskLaunch request, Ec2Options options,
                                                     Optional<TaskPlacement.Checked> net) {
        return placementRequest(td, request.group().orElse("family:" + td.family()), options.constraints(), options.strategies(), net);
    }

    /** What placing one task of the definition asks for: its needs, the subnets' zones and VPC, every constraint. */
    static PlacementRequest placementRequest(TaskDefinition td, String group, List<PlacementRequest.Constraint> extraConstraints,
                                             List<PlacementRequest.Strategy> strategies, Optional<TaskPlacement.Checked> net) {
        TaskNeeds needs = TaskNeeds.of(td.document(), td.requiresAttributes());
        Set<String> zones = net.map(n -> n.subnetsByZone().keySet()).orElse(Set.of());
        Optional<String> vpc = net.map(n -> n.subnetsByZone().values().iterator().next().get(0).vpcId());
        List<PlacementRequest.Constraint> constraints = new ArrayList<>(extraConstraints);
        for (Map<String, Object> c : ClientDocument.objects(td.document(), "placementConstraints")) {
            constraints.add(new PlacementRequest.Constraint(ClientDocument.string(c, "type").orElse(""),
                    ClientDocument.string(c, "expression")));
        }
        return new PlacementRequest(needs, group, zones, vpc, constraints, strategies);
    }

    private Task launchOn(ContainerInstance ci, Cluster cluster, TaskDefinition td, TaskLaunch request,
                          Optional<TaskPlacement.Checked> net, TaskNeeds needs, List<Task> into) {
        String zone = ci.instance().zone().name();
        Subnet subnet = net.map(n -> pickSubnet(n.subnetsByZone().get(zone))).orElse(null);
        String id = ids.hex(32);
        String group = request.group().orElse("family:" + td.family());
        Task.Spec spec = new Task.Spec(id, arns.task(cluster.name(), id), cluster, td, "EC2", null,
                subnet == null ? null : subnet.id(), zone, net.map(TaskPlacement.Checked::securityGroupIds).orElse(List.of()),
                false, group, request.startedBy(), request.overrides(), request.tags(), request.enableExecuteCommand(), clock.now());
        List<TaskContainer> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            containers.add(new TaskContainer(arns.container(cluster.name(), id, ids.uuid()), c));
        }
        Task task = new Task(spec, containers, new TaskAttachment(ids.uuid(), subnet == null ? "" : subnet.id()));

        List<TaskNeeds.PortMapping> bindings = bindings(td, ci);
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        bindings.forEach(b -> (b.protocol().equals("udp") ? udp : tcp).add(b.hostPort()));
        boolean eni = needs.needsEni();
        boolean branch = eni && ci.trunk().isPresent();
        int deviceIndex = eni ? (branch ? 1 : ci.freeDeviceIndex()) : 0;
        ci.reserve(new ContainerInstance.Reservation(task.arn(), group, needs.cpu(), needs.memory(), tcp, udp, eni, deviceIndex));
        task.placedOn(new Ec2Placement(ci, bindings, branch, deviceIndex));
        into.add(task);
        lifecycle.launched(task);
        return task;
    }

    private final Map<String, Integer> subnetRotation = new HashMap<>();

    private Subnet pickSubnet(List<Subnet> inZone) {
        int n = subnetRotation.merge(inZone.get(0).zone().name(), 1, Integer::sum) - 1;
        return inZone.get(n % inZone.size());
    }

    /** Static host ports as given; each dynamic one gets the lowest free port of the dynamic range. */
    private static List<TaskNeeds.PortMapping> bindings(TaskDefinition td, ContainerInstance ci) {
        Set<Integer> usedTcp = new LinkedHashSet<>(ci.usedTcpPorts());
        Set<Integer> usedUdp = new LinkedHashSet<>(ci.usedUdpPorts());
        List<TaskNeeds.PortMapping> out = new ArrayList<>();
        for (Map<String, Object> c : ClientDocument.objects(td.document(), "containerDefinitions")) {
            for (TaskNeeds.PortMapping pm : TaskNeeds.mappings(td.networkMode(), c)) {
                Set<Integer> used = pm.protocol().equals("udp") ? usedUdp : usedTcp;
                int host = pm.hostPort();
                if (host == 0) {
                    host = Checks.DYNAMIC_PORT_FIRST;
                    while (used.contains(host)) {
                        host++;
                    }
                }
                used.add(host);
                out.add(new TaskNeeds.PortMapping(pm.containerName(), pm.containerPort(), host, pm.protocol()));
            }
        }
        return out;
    }
}
