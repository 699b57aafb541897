package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ecs.placement.PlacementEvents;
import dev.ecsnet.domain.ecs.service.ReconcilePlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Launches the tasks a reconcile pass decided on, through {@link Ecs}: a deployment's tasks (Fargate ones spread
 * over the subnets' zones, capacity providers shared by the strategy's base and weights over the deployment's
 * live tasks), a task set's, or a DAEMON task on its container instance. Writes ECS's events for what started and
 * for what could not be placed. Used only on the engine thread.
 */
final class ServiceLaunches {

    /** What one task is launched from: its deployment or task set, and the members that come from it. */
    private record Source(String id, String taskDefinitionArn, Optional<String> launchType, List<CapacityProviderStrategyItem> strategy,
                          Optional<TaskLaunch.AwsvpcConfiguration> network) {
    }

    private final Ecs ecs;
    private final TaskPlacement placement;
    private final BiConsumer<Service, Task> adopt;
    private final BiConsumer<Service, String> event;

    ServiceLaunches(Ecs ecs, TaskPlacement placement, BiConsumer<Service, Task> adopt, BiConsumer<Service, String> event) {
        this.ecs = ecs;
        this.placement = placement;
        this.adopt = adopt;
        this.event = event;
    }

    /**
     * After AWS's quota "Rate of tasks launched by a service on AWS Fargate" (500 per minute, ECS service quotas),
     * applied to every launch type: one pass starts at most this many, and the next pass (the service is not steady)
     * starts more.
     */
    static final int MAX_STARTS_PER_PASS = 500;

    /** {@code count} tasks of the PRIMARY deployment, at most {@link #MAX_STARTS_PER_PASS}; stops at the first that cannot be placed. */
    void launchPrimary(Service s, int count, List<String> reported) {
        int now = Math.min(count, MAX_STARTS_PER_PASS);
        launch(s, Collections.nCopies(now, new ReconcilePlan.Start(s.primary().id(), Optional.empty())), reported);
    }

    /** Each start in turn: on its container instance when it names one, else where placement puts it. */
    void launch(Service s, List<ReconcilePlan.Start> starts, List<String> reported) {
        ServiceConfig c = s.config();
        List<String> started = new ArrayList<>();
        // counted once per launch and kept up to date here: counting the service's tasks per start made a large
        // launch quadratic
        Map<String, Map<String, Integer>> placed = new HashMap<>();
        Spread spread = new Spread(s);
        for (ReconcilePlan.Start start : starts) {
            Optional<Source> source = source(s, start.deploymentId());
            if (source.isEmpty()) {
                continue;
            }
            Optional<String> problem;
            try {
                TaskLaunch request = request(s, source.get(), spread);
                LaunchResult r = start.containerInstanceArn().isPresent()
                        ? ecs.startOn(request, start.containerInstanceArn().get())
                        : ecs.launch(request, new Ec2Options(c.placementConstraints(), c.placementStrategy()),
                                placed.computeIfAbsent(start.deploymentId(), id -> placedByProvider(s, id)));
                Map<String, Integer> onProviders = placed.get(start.deploymentId());
                r.tasks().forEach(t -> {
                    adopt.accept(s, t);
                    started.add(t.id());
                    spread.add(t);
                    if (onProviders != null && t.spec().capacityProviderName() != null) {
                        onProviders.merge(t.spec().capacityProviderName(), 1, Integer::sum);
                    }
                });
                problem = r.tasks().isEmpty() ? Optional.of(r.closest()
                        .map(x -> PlacementEvents.unableToPlace(s.name(), x.host().containerInstanceId(), x.reason()))
                        .or(() -> r.failures().stream().findFirst().map(f -> PlacementEvents.unableToPlace(s.name(),
                                EcsArns.lastSegment(f.arn()), f.reason())))
                        .orElse(PlacementEvents.noContainerInstances(s.name()))) : Optional.empty();
            } catch (DomainException e) {
                problem = Optional.of(e.getMessage().startsWith("No Container Instances")
                        ? PlacementEvents.noContainerInstances(s.name())
                        : "(service " + s.name() + ") failed to launch a task with (error " + e.getMessage() + ").");
            }
            if (problem.isPresent()) {
                event.accept(s, problem.get());
                reported.add(problem.get());
                if (start.containerInstanceArn().isEmpty()) {
                    break;
                }
            }
        }
        if (!started.isEmpty()) {
            StringBuilder b = new StringBuilder("(service ").append(s.name()).append(") has started ").append(started.size()).append(" tasks:");
            started.forEach(id -> b.append(" (task ").append(id).append(")"));
            event.accept(s, b.append('.').toString());
        }
    }

    private static Optional<Source> source(Service s, String id) {
        Optional<Deployment> d = s.deployment(id);
        if (d.isPresent()) {
            ServiceConfig c = d.get().config();
            return Optional.of(new Source(id, c.taskDefinitionArn(), c.launchType(), c.capacityProviderStrategy(), c.network()));
        }
        return s.taskSet(id).map(ts -> new Source(id, ts.spec().taskDefinitionArn(), ts.spec().launchType(),
                ts.spec().capacityProviderStrategy(), ts.spec().network()));
    }

    /** The deployment's (or task set's) live tasks on each capacity provider. */
    private static Map<String, Integer> placedByProvider(Service s, String deploymentId) {
        Map<String, Integer> out = new HashMap<>();
        for (Task t : s.tasks.values()) {
            if (t.spec().startedBy().filter(deploymentId::equals).isPresent() && !t.isStopRequested()
                    && t.lastStatus() != TaskLifecycle.STOPPED && t.spec().capacityProviderName() != null) {
                out.merge(t.spec().capacityProviderName(), 1, Integer::sum);
            }
        }
        return out;
    }

    private TaskLaunch request(Service s, Source source, Spread spread) {
        ServiceConfig c = s.config();
        Optional<TaskLaunch.AwsvpcConfiguration> network = source.network();
        boolean fargate = source.launchType().map("FARGATE"::equals).orElse(CapacityProviders.isFargateStrategy(source.strategy()));
        if (network.isPresent() && fargate) {
            TaskLaunch.AwsvpcConfiguration n = network.get();
            network = Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetFor(n, spread)), n.securityGroups(), n.assignPublicIp()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (c.enableEcsManagedTags()) {
            tags.put("aws:ecs:clusterName", s.cluster().name());
            tags.put("aws:ecs:serviceName", s.name());
        }
        if (c.propagateTags().equals("SERVICE")) {
            tags.putAll(s.tags());
        } else if (c.propagateTags().equals("TASK_DEFINITION")) {
            ecs.taskDefinitions().find(source.taskDefinitionArn()).ifPresent(td -> tags.putAll(td.tags()));
        }
        return new TaskLaunch(Optional.of(s.cluster().name()), source.taskDefinitionArn(), 1, source.launchType(),
                source.strategy(), network, Optional.of(source.id()), Optional.of(s.group()), Map.of(), tags,
                c.enableExecuteCommand());
    }

    /** The service's live tasks per zone and subnet, which a Fargate service spreads its new tasks over. */
    private static final class Spread {
        final Map<String, Integer> byZone = new HashMap<>();
        final Map<String, Integer> bySubnet = new HashMap<>();

        Spread(Service s) {
            for (Task t : s.tasks.values()) {
                if (!t.isStopRequested() && t.lastStatus() != TaskLifecycle.STOPPED) {
                    add(t);
                }
            }
        }

        void add(Task t) {
            byZone.merge(t.spec().availabilityZone(), 1, Integer::sum);
            bySubnet.merge(t.spec().subnetId(), 1, Integer::sum);
        }
    }

    /** The zone with the fewest live tasks of the service, then its subnet with the fewest; ties go to configuration order. */
    private String subnetFor(TaskLaunch.AwsvpcConfiguration n, Spread spread) {
        TaskPlacement.Checked checked = placement.check(n);
        Map<String, Integer> byZone = spread.byZone;
        Map<String, Integer> bySubnet = spread.bySubnet;
        String zone = checked.subnetsByZone().keySet().stream()
                .min((a, b) -> Integer.compare(byZone.getOrDefault(a, 0), byZone.getOrDefault(b, 0))).orElseThrow();
        return checked.subnetsByZone().get(zone).stream()
                .min((a, b) -> Integer.compare(bySubnet.getOrDefault(a.id(), 0), bySubnet.getOrDefault(b.id(), 0)))
                .orElseThrow().id();
    }
}
