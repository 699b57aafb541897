package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Scheduler;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ecs.placement.PlacementEvents;
import dev.ecsnet.domain.ecs.service.ReconcilePlan;
import dev.ecsnet.domain.ecs.service.ServiceReconciler;
import dev.ecsnet.domain.ecs.service.ServiceView;
import dev.ecsnet.domain.ecs.service.TaskView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The imperative shell around {@link ServiceReconciler}: a keyed, coalescing work queue of services, filled when
 * one of their tasks changes state, when the service is created or updated, and by a periodic resync on the
 * clock; each pass registers and deregisters targets and Cloud Map instances, asks the reconciler for a plan and
 * applies it through {@link Ecs} (launching tasks spread over the subnets' zones, stopping tasks with their
 * reason), writing the service events. Used only on the engine thread.
 */
final class ServiceController {
    /** A pass that keeps changing things at one instant is cut off here; the resync timer picks it up later. */
    private static final int MAX_PASSES_PER_INSTANT = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Ecs ecs;
    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final Scheduler scheduler;
    private final TimingProfile timing;
    private final TaskPlacement placement;
    private final TaskLifecycleDriver lifecycle;
    private final ServiceTargets targets;
    private final Map<String, Service> ownerByTaskId = new HashMap<>();
    private final Set<Service> queue = new LinkedHashSet<>();
    private boolean drainScheduled;
    private Instant passInstant = Instant.MIN;
    private final Map<Service, Integer> passesAtInstant = new HashMap<>();

    ServiceController(Ecs ecs, AccountRegion key, IdSource ids, Clock clock, Scheduler scheduler, TimingProfile timing,
                      TaskPlacement placement, TaskLifecycleDriver lifecycle) {
        this.ecs = ecs;
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timing = timing;
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.targets = new ServiceTargets(key, this::event);
        lifecycle.onChange(this::taskChanged);
    }

    void connect(LoadBalancing lb, ServiceDiscovery sd) {
        targets.connect(lb, sd);
    }

    /** How often a service that is not steady, or sits behind a load balancer, is looked at again. */
    Duration resyncPeriod() {
        return switch (timing) {
            case INSTANT -> Duration.ofSeconds(1);
            case FAST -> Duration.ofSeconds(2);
            case REALISTIC -> Duration.ofSeconds(15);
        };
    }

    void added(Service s) {
        enqueue(s);
    }

    void updated(Service s, boolean freshStart) {
        if (freshStart) {
            s.throttleLevel = 0;
            s.retryAt = null;
        }
        s.steady = false;
        enqueue(s);
    }

    private void taskChanged(Task t) {
        Service s = ownerByTaskId.get(t.id());
        if (s != null) {
            enqueue(s);
        }
    }

    private void enqueue(Service s) {
        queue.add(s);
        if (!drainScheduled) {
            drainScheduled = true;
            scheduler.schedule(Duration.ZERO, this::drain);
        }
    }

    private void drain() {
        drainScheduled = false;
        List<Service> batch = new ArrayList<>(queue);
        queue.clear();
        Instant now = clock.now();
        if (!now.equals(passInstant)) {
            passInstant = now;
            passesAtInstant.clear();
        }
        for (Service s : batch) {
            if (passesAtInstant.merge(s, 1, Integer::sum) <= MAX_PASSES_PER_INSTANT) {
                reconcile(s);
            }
        }
    }

    // ---- one pass ---------------------------------------------------------------------------------------------

    void reconcile(Service s) {
        if (s.status().equals(Service.INACTIVE)) {
            return;
        }
        Instant now = clock.now();
        targets.sync(s);
        List<String> reported = new ArrayList<>();
        boolean throttled = observeFailures(s, now, reported);
        List<TaskView> views = new ArrayList<>();
        for (Task t : s.tasks.values()) {
            views.add(view(s, t));
        }
        ReconcilePlan plan = ServiceReconciler.compute(serviceView(s), views, now, throttled);

        List<Task> stopping = new ArrayList<>();
        for (ReconcilePlan.Stop stop : plan.stops()) {
            Task t = s.tasks.get(stop.taskId());
            if (t != null && !t.isStopRequested()) {
                t.requestStop("ServiceSchedulerInitiated", stop.reason(), now);
                stopping.add(t);
            }
        }
        Duration draining = targets.deregister(s, stopping);
        stopping.forEach(t -> lifecycle.stopRequested(t, draining));
        for (String message : plan.events()) {
            if (message.endsWith("has reached a steady state.") || message.endsWith("deployment completed.")) {
                continue;
            }
            event(s, message);
            reported.add(message);
        }
        for (ReconcilePlan.DeploymentChange c : plan.deploymentChanges()) {
            if (c.retire()) {
                s.retire(c.deploymentId());
                s.tasks.values().removeIf(t -> t.spec().startedBy().filter(c.deploymentId()::equals).isPresent()
                        && t.lastStatus() == TaskLifecycle.STOPPED);
            } else {
                s.deployment(c.deploymentId()).ifPresent(d -> d.rollout(c.rolloutState(), c.reason(), now));
            }
        }
        if (plan.rollback()) {
            rollback(s, now);
        }
        if (plan.start() > 0) {
            launch(s, plan.start(), reported);
        }
        for (String message : plan.events()) {
            if (message.endsWith("has reached a steady state.") || message.endsWith("deployment completed.")) {
                event(s, message);
                reported.add(message);
            }
        }
        s.steady = plan.steady();
        if (plan.steady()) {
            s.throttleLevel = 0;
            s.retryAt = null;
        }
        if (plan.inactive()) {
            s.status(Service.INACTIVE);
            s.tasks.keySet().forEach(ownerByTaskId::remove);
        }
        s.keepConditions(reported);
        arm(s, now);
    }

    /** New failed launches since the last pass raise the throttle; returns whether launches must wait now. */
    private boolean observeFailures(Service s, Instant now, List<String> reported) {
        int failed = (int) s.tasks.values().stream().filter(t -> t.stopCode().filter("TaskFailedToStart"::equals).isPresent()).count();
        if (failed > s.failuresSeen) {
            s.failuresSeen = failed;
            s.throttleLevel++;
            // the first failure is retried at once; then 15 s, 30 s, 60 s ... up to 5 minutes
            Duration wait = s.throttleLevel <= 1 ? Duration.ZERO
                    : Duration.ofSeconds(15L << Math.min(10, s.throttleLevel - 2));
            s.retryAt = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        }
        if (s.throttleLevel >= 2) {
            String message = "(service " + s.name() + ") is unable to consistently start tasks successfully.";
            event(s, message);
            reported.add(message);
        }
        return s.retryAt != null && now.isBefore(s.retryAt);
    }

    private void arm(Service s, Instant now) {
        if (s.status().equals(Service.INACTIVE)) {
            return;
        }
        boolean watch = !s.steady || !s.config().loadBalancers().isEmpty();
        if (watch && !s.resyncArmed) {
            s.resyncArmed = true;
            scheduler.schedule(resyncPeriod(), () -> {
                s.resyncArmed = false;
                enqueue(s);
            });
        }
        if (s.retryAt != null && now.isBefore(s.retryAt) && !s.retryArmed) {
            s.retryArmed = true;
            scheduler.schedule(Duration.between(now, s.retryAt), () -> {
                s.retryArmed = false;
                enqueue(s);
            });
        }
    }

    private void rollback(Service s, Instant now) {
        Deployment failed = s.primary();
        Deployment previous = s.deployments().get(1);
        ServiceConfig back = s.config().withTaskDefinition(previous.config().taskDefinitionArn());
        s.configure(back);
        Deployment d = new Deployment(newDeploymentId(), back, now);
        s.deploy(d, now);
        s.throttleLevel = 0;
        s.retryAt = null;
        event(s, "(service " + s.name() + ") (deployment " + failed.id() + ") deployment failed: rolling back to (deployment "
                + previous.id() + ").");
    }

    /** {@code ecs-svc/} and 19 digits. */
    String newDeploymentId() {
        StringBuilder b = new StringBuilder("ecs-svc/").append(1 + ids.nextInt(9));
        for (int i = 0; i < 18; i++) {
            b.append(ids.nextInt(10));
        }
        return b.toString();
    }

    private void event(Service s, String message) {
        s.event(new ServiceEvent(ids.uuid(), clock.now(), message));
    }

    // ---- views ------------------------------------------------------------------------------------------------

    private static ServiceView serviceView(Service s) {
        ServiceConfig c = s.config();
        List<ServiceView.DeploymentView> ds = s.deployments().stream()
                .map(d -> new ServiceView.DeploymentView(d.id(), d.rolloutState(), d.createdAt())).toList();
        return new ServiceView(s.name(), s.status().equals(Service.DRAINING), c.desiredCount(), c.deployment().maximumPercent(),
                c.deployment().minimumHealthyPercent(), c.deployment().circuitBreakerEnable(), c.deployment().circuitBreakerRollback(),
                !c.loadBalancers().isEmpty(), c.gracePeriodSeconds(), ds, s.steady);
    }

    private TaskView view(Service s, Task t) {
        TaskView.Phase phase;
        if (t.lastStatus() == TaskLifecycle.STOPPED) {
            phase = TaskView.Phase.STOPPED;
        } else if (t.isStopRequested() || t.lastStatus().ordinal() > TaskLifecycle.RUNNING.ordinal()) {
            phase = TaskView.Phase.STOPPING;
        } else if (t.lastStatus() == TaskLifecycle.RUNNING) {
            phase = TaskView.Phase.RUNNING;
        } else {
            phase = TaskView.Phase.STARTING;
        }
        boolean failed = t.stopCode().filter("TaskFailedToStart"::equals).isPresent()
                || t.stoppedReason().filter(r -> r.startsWith("Task failed ELB health checks")).isPresent();
        TaskView.TargetVerdict verdict = phase == TaskView.Phase.RUNNING ? targets.verdict(s, t) : TaskView.TargetVerdict.NONE;
        return new TaskView(t.id(), t.spec().startedBy().orElse(""), phase, t.startedAt(), verdict, failed);
    }

    // ---- launching --------------------------------------------------------------------------------------------

    private void launch(Service s, int count, List<String> reported) {
        ServiceConfig c = s.config();
        Deployment d = s.primary();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<String> problem;
            try {
                LaunchResult r = ecs.launch(request(s, d, c), new Ec2Options(c.placementConstraints(), c.placementStrategy()));
                r.tasks().forEach(t -> {
                    s.tasks.put(t.id(), t);
                    ownerByTaskId.put(t.id(), s);
                    started.add(t.id());
                });
                problem = r.tasks().isEmpty() ? Optional.of(r.closest()
                        .map(x -> PlacementEvents.unableToPlace(s.name(), x.host().containerInstanceId(), x.reason()))
                        .orElse(PlacementEvents.noContainerInstances(s.name()))) : Optional.empty();
            } catch (DomainException e) {
                problem = Optional.of(e.getMessage().startsWith("No Container Instances")
                        ? PlacementEvents.noContainerInstances(s.name())
                        : "(service " + s.name() + ") failed to launch a task with (error " + e.getMessage() + ").");
            }
            if (problem.isPresent()) {
                event(s, problem.get());
                reported.add(problem.get());
                break;
            }
        }
        if (!started.isEmpty()) {
            StringBuilder b = new StringBuilder("(service ").append(s.name()).append(") has started ").append(started.size()).append(" tasks:");
            started.forEach(id -> b.append(" (task ").append(id).append(")"));
            event(s, b.append('.').toString());
        }
    }

    private TaskLaunch request(Service s, Deployment d, ServiceConfig c) {
        Optional<TaskLaunch.AwsvpcConfiguration> network = c.network();
        if (network.isPresent() && c.isFargate()) {
            TaskLaunch.AwsvpcConfiguration n = network.get();
            network = Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetFor(s, n)), n.securityGroups(), n.assignPublicIp()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (c.enableEcsManagedTags()) {
            tags.put("aws:ecs:clusterName", s.cluster().name());
            tags.put("aws:ecs:serviceName", s.name());
        }
        if (c.propagateTags().equals("SERVICE")) {
            tags.putAll(s.tags());
        } else if (c.propagateTags().equals("TASK_DEFINITION")) {
            ecs.taskDefinitions().find(d.config().taskDefinitionArn()).ifPresent(td -> tags.putAll(td.tags()));
        }
        return new TaskLaunch(Optional.of(s.cluster().name()), d.config().taskDefinitionArn(), 1, c.launchType(),
                c.capacityProviderStrategy(), network, Optional.of(d.id()), Optional.of(s.group()), Map.of(), tags,
                c.enableExecuteCommand());
    }

    /** The zone with the fewest live tasks of the service, then its subnet with the fewest; ties go to configuration order. */
    private String subnetFor(Service s, TaskLaunch.AwsvpcConfiguration n) {
        TaskPlacement.Checked checked = placement.check(n);
        Map<String, Integer> byZone = new HashMap<>();
        Map<String, Integer> bySubnet = new HashMap<>();
        for (Task t : s.tasks.values()) {
            if (!t.isStopRequested() && t.lastStatus() != TaskLifecycle.STOPPED) {
                byZone.merge(t.spec().availabilityZone(), 1, Integer::sum);
                bySubnet.merge(t.spec().subnetId(), 1, Integer::sum);
            }
        }
        String zone = checked.subnetsByZone().keySet().stream()
                .min((a, b) -> Integer.compare(byZone.getOrDefault(a, 0), byZone.getOrDefault(b, 0))).orElseThrow();
        return checked.subnetsByZone().get(zone).stream()
                .min((a, b) -> Integer.compare(bySubnet.getOrDefault(a.id(), 0), bySubnet.getOrDefault(b.id(), 0)))
                .orElseThrow().id();
    }

    /** The deployment's task counts: {desired, pending, running, failed}. */
    int[] counts(Service s, Deployment d) {
        int pending = 0;
        int running = 0;
        int failed = 0;
        for (Task t : s.tasks.values()) {
            if (!t.spec().startedBy().filter(d.id()::equals).isPresent()) {
                continue;
            }
            if (t.stopCode().filter("TaskFailedToStart"::equals).isPresent()
                    || t.stoppedReason().filter(r -> r.startsWith("Task failed ELB health checks")).isPresent()) {
                failed++;
            }
            if (t.isStopRequested()) {
                continue;
            }
            if (t.lastStatus() == TaskLifecycle.RUNNING) {
                running++;
            } else if (t.lastStatus().isPending()) {
                pending++;
            }
        }
        int desired = d == s.primary() ? s.config().desiredCount() : running + pending;
        return new int[]{desired, pending, running, failed};
    }

    String region() {
        return key.region();
    }
}
