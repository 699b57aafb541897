package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.RandomStream;
import dev.ecsnet.domain.ecs.placement.Checks;
import dev.ecsnet.domain.ecs.placement.Host;
import dev.ecsnet.domain.ecs.placement.Placement;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import dev.ecsnet.domain.ecs.placement.TaskNeeds;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final RandomStream random;

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
            started.add(launchOn(ci, cluster, td, request, net, placement.needs(), into, null, null));
        }
        return new LaunchResult(started, failures, closest);
    }

    /** What a task waiting for capacity was asked with, to place it when an instance registers. */
    record Waiting(Task task, TaskLaunch request, Ec2Options options, Optional<TaskPlacement.Checked> net) {
    }

    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    /**
     * RunTask (or a service's launch) through Auto Scaling group providers: each task goes to the provider the
     * strategy picks and is placed on that provider's instances ({@code instancesOf}: EC2 instance ids of its
     * group); a task that fits nowhere there is not a failure but waits in PROVISIONING for capacity when its
     * provider has managed scaling ({@code waits}); without it, it fails as on the EC2 launch type.
     */
    LaunchResult runThroughProviders(Cluster cluster, TaskDefinition td, TaskLaunch request, Ec2Options options,
                                     List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placedByProvider,
                                     java.util.function.Function<String, Set<String>> instancesOf,
                                     java.util.function.Predicate<String> waits, List<Task> into) {
        Optional<TaskPlacement.Checked> net = checkNetwork(td, request);
        PlacementRequest placement = placementRequest(td, request, options, net);
        Map<String, Integer> placed = new HashMap<>(placedByProvider);
        List<Task> started = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        Optional<Placement.Rejection> closest = Optional.empty();
        for (int i = 0; i < request.count(); i++) {
            String provider = CapacityProviders.pick(strategy, placed);
            placed.merge(provider, 1, Integer::sum);
            List<ContainerInstance> candidates = candidates(cluster, instancesOf.apply(provider));
            Placement.Decision d = Placement.decide(placement, hosts(candidates), random);
            if (d.chosen().isPresent()) {
                ContainerInstance ci = byArn(candidates, d.chosen().get().containerInstanceArn());
                started.add(launchOn(ci, cluster, td, request, net, placement.needs(), into, provider, null));
            } else if (!waits.test(provider)) {
                addFailures(failures, d);
                closest = d.closest();
                break;
            } else {
                Task t = newTask(cluster, td, request, provider, null, null, net);
                waiting.put(t.arn(), new Waiting(t, request, options, net));
                into.add(t);
                started.add(t);
            }
        }
        return new LaunchResult(started, failures, closest);
    }

    /** The tasks waiting for capacity on a provider, oldest first. */
    List<Task> waitingOn(String provider) {
        waiting.values().removeIf(w -> !w.task().isWaitingForCapacity());
        return waiting.values().stream().map(Waiting::task).filter(t -> provider.equals(t.spec().capacityProviderName())).toList();
    }

    /** Places, oldest first, every waiting task of the provider that now fits on its instances; returns how many. */
    int placeWaiting(Cluster cluster, String provider, Set<String> instanceIds) {
        int n = 0;
        for (Task t : waitingOn(provider)) {
            if (t.spec().cluster() != cluster) {
                continue;
            }
            Waiting w = waiting.get(t.arn());
            if (w.net().filter(checked -> checked.subnetsByZone().isEmpty()).isPresent()) {
                // only after a restore: every subnet the task may use was deleted while it waited; it waits until it times out
                continue;
            }
            PlacementRequest placement = placementRequest(t.spec().taskDefinition(), w.request(), w.options(), w.net());
            Optional<ContainerInstance> ci = choose(cluster, placement, instanceIds);
            if (ci.isPresent()) {
                waiting.remove(t.arn());
                launchOn(ci.get(), cluster, t.spec().taskDefinition(), w.request(), w.net(), placement.needs(), new ArrayList<>(), provider, t);
                n++;
            }
        }
        return n;
    }

    private List<ContainerInstance> candidates(Cluster cluster, Set<String> instanceIds) {
        return instances.placeable(cluster).stream().filter(c -> instanceIds.contains(c.instance().id())).toList();
    }

    private Optional<ContainerInstance> choose(Cluster cluster, PlacementRequest placement, Set<String> instanceIds) {
        List<ContainerInstance> candidates = candidates(cluster, instanceIds);
        Placement.Decision d = Placement.decide(placement, hosts(candidates), random);
        return d.chosen().map(h -> byArn(candidates, h.containerInstanceArn()));
    }

    long randomState() {
        return random.state();
    }

    /** Zone name → how many subnets of the zone tasks have been given (the next one is this modulo the zone's count). */
    Map<String, Integer> subnetRotation() {
        return java.util.Collections.unmodifiableMap(subnetRotation);
    }

    /** The tasks that waited for capacity, oldest first; entries whose task no longer waits go at the next look. */
    java.util.Collection<Waiting> waiting() {
        return java.util.Collections.unmodifiableCollection(waiting.values());
    }

    void restore(long randomState, Map<String, Integer> recordedRotation, List<Waiting> recordedWaiting) {
        random.resume(randomState);
        subnetRotation.clear();
        subnetRotation.putAll(recordedRotation);
        waiting.clear();
        recordedWaiting.forEach(w -> waiting.put(w.task().arn(), w));
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
            started.add(launchOn(ci.get(), cluster, td, request, net, placement.needs(), into, null, null));
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

    /** A task of the request; without a zone it is one waiting for capacity (no subnet yet). */
    private Task newTask(Cluster cluster, TaskDefinition td, TaskLaunch request, String provider, String zone, Subnet subnet,
                         Optional<TaskPlacement.Checked> net) {
        String id = ids.hex(32);
        Task.Spec spec = spec(id, arns.task(cluster.name(), id), clock.now(), cluster, td, request, provider, zone, subnet, net);
        List<TaskContainer> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            containers.add(new TaskContainer(arns.container(cluster.name(), id, ids.uuid()), c));
        }
        return new Task(spec, containers, new TaskAttachment(ids.uuid(), subnet == null ? "" : subnet.id()));
    }

    private static Task.Spec spec(String id, String arn, java.time.Instant createdAt, Cluster cluster, TaskDefinition td, TaskLaunch request,
                                  String provider, String zone, Subnet subnet, Optional<TaskPlacement.Checked> net) {
        String group = request.group().orElse("family:" + td.family());
        return new Task.Spec(id, arn, cluster, td, "EC2", provider, subnet == null ? null : subnet.id(), zone,
                net.map(TaskPlacement.Checked::securityGroupIds).orElse(List.of()), false, group, request.startedBy(), request.overrides(),
                request.tags(), request.enableExecuteCommand(), createdAt);
    }

    /** Places a new task on the instance, or one that waited for capacity ({@code waited}, then kept with its id). */
    private Task launchOn(ContainerInstance ci, Cluster cluster, TaskDefinition td, TaskLaunch request,
                          Optional<TaskPlacement.Checked> net, TaskNeeds needs, List<Task> into, String provider, Task waited) {
        String zone = ci.instance().zone().name();
        Subnet subnet = net.map(n -> pickSubnet(n.subnetsByZone().get(zone))).orElse(null);
        String group = request.group().orElse("family:" + td.family());
        Task task = waited != null ? waited : newTask(cluster, td, request, provider, zone, subnet, net);

        List<TaskNeeds.PortMapping> bindings = bindings(td, ci);
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        bindings.forEach(b -> (b.protocol().equals("udp") ? udp : tcp).add(b.hostPort()));
        boolean eni = needs.needsEni();
        boolean branch = eni && ci.trunk().isPresent();
        int deviceIndex = eni ? (branch ? 1 : ci.freeDeviceIndex()) : 0;
        ci.reserve(new ContainerInstance.Reservation(task.arn(), group, needs.cpu(), needs.memory(), tcp, udp, eni, deviceIndex));
        Ec2Placement where = new Ec2Placement(ci, bindings, branch, deviceIndex);
        if (waited != null) {
            waited.placedAfterWaiting(spec(waited.id(), waited.arn(), waited.spec().createdAt(), cluster, td, request, provider, zone, subnet, net), where);
        } else {
            task.placedOn(where);
            into.add(task);
        }
        lifecycle.launched(task);
        return task;
    }

    private final Map<String, Integer> subnetRotation = new LinkedHashMap<>();

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
