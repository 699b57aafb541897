package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ecs.placement.Checks;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import dev.ecsnet.domain.ecs.service.DaemonReconciler;
import dev.ecsnet.domain.ecs.service.ReconcilePlan;
import dev.ecsnet.domain.ecs.service.ServiceReconciler;
import dev.ecsnet.domain.ecs.service.ServiceView;
import dev.ecsnet.domain.ecs.service.TaskSetReconciler;
import dev.ecsnet.domain.ecs.service.TaskView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The imperative shell around the pure schedulers ({@link ServiceReconciler} for REPLICA services,
 * {@link DaemonReconciler} for DAEMON ones, {@link TaskSetReconciler} for the EXTERNAL deployment controller): a
 * keyed, coalescing work queue of services, filled when one of their tasks changes state, when the service is
 * created or updated, when a container instance of its cluster comes or goes, and by a periodic resync on the
 * clock; each pass registers and deregisters targets, Cloud Map and Service Connect instances, asks the scheduler
 * for a plan and applies it (launching through {@link ServiceLaunches}, stopping tasks with their reason), writing
 * the service events. Used only on the engine thread.
 */
final class ServiceController {
    /** A pass that keeps changing things at one instant is cut off here; the resync timer picks it up later. */
    private static final int MAX_PASSES_PER_INSTANT = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Timer kinds: the queue is worked through; a service (key: its ARN, args: the arming token) is looked at again. */
    private static final String DRAIN = "ecs.services.drain";
    private static final String RESYNC = "ecs.service.resync";
    private static final String RETRY = "ecs.service.retry";

    private final Ecs ecs;
    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    private final TaskPlacement placement;
    private final TaskLifecycleDriver lifecycle;
    private final ServiceConnect serviceConnect;
    private final ServiceTargets targets;
    private final ServiceLaunches launches;
    private final Map<String, Service> ownerByTaskId = new HashMap<>();
    private final Set<Service> queue = new LinkedHashSet<>();
    private boolean drainScheduled;
    /** The last token a resync or retry timer was armed with. */
    private long armings;
    private Instant passInstant = Instant.MIN;
    private final Map<Service, Integer> passesAtInstant = new HashMap<>();

    ServiceController(Ecs ecs, AccountRegion key, IdSource ids, Clock clock, Timers timers, TimingProfile timing,
                      TaskPlacement placement, TaskLifecycleDriver lifecycle, ServiceConnect serviceConnect) {
        this.ecs = ecs;
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.serviceConnect = serviceConnect;
        this.targets = new ServiceTargets(key, this::event, serviceConnect);
        this.launches = new ServiceLaunches(ecs, placement, this::adopt, this::event);
        lifecycle.onChange(this::taskChanged);
        ecs.containerInstances().onChange(this::instancesChanged);
        timers.on(DRAIN, (none, args) -> drain());
        timers.on(RESYNC, (arn, token) -> armed(arn, token, s -> s.resyncArmed).ifPresent(s -> {
            s.resyncArmed = 0;
            enqueue(s);
        }));
        timers.on(RETRY, (arn, token) -> armed(arn, token, s -> s.retryArmed).ifPresent(s -> {
            s.retryArmed = 0;
            enqueue(s);
        }));
    }

    /** The service a resync or retry timer was armed for, if that timer is still the one it waits for. */
    private Optional<Service> armed(String arn, String token, java.util.function.ToLongFunction<Service> pending) {
        return ecs.services().findAnywhere(arn).filter(s -> Long.toString(pending.applyAsLong(s)).equals(token));
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

    /** A container instance of the cluster registered, changed state or left: its services look again. */
    private void instancesChanged(Cluster cluster) {
        for (Service s : ecs.services().of(cluster)) {
            if (!s.status().equals(Service.INACTIVE)) {
                s.steady = false;
                enqueue(s);
            }
        }
    }

    private void adopt(Service s, Task t) {
        s.tasks.put(t.id(), t);
        ownerByTaskId.put(t.id(), s);
    }

    private void enqueue(Service s) {
        queue.add(s);
        if (!drainScheduled) {
            drainScheduled = true;
            timers.schedule(Duration.ZERO, DRAIN, "");
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
        ReconcilePlan plan;
        if (s.config().isExternal()) {
            List<TaskSetReconciler.TaskSetView> sets = s.taskSets().stream().map(ts -> new TaskSetReconciler.TaskSetView(ts.id(),
                    ts.status().equals(TaskSet.DRAINING), ts.computedDesiredCount(s.config().desiredCount()))).toList();
            plan = TaskSetReconciler.compute(s.name(), s.status().equals(Service.DRAINING), sets, views, throttled);
        } else if (s.isDaemon()) {
            plan = DaemonReconciler.compute(serviceView(s), eligibleInstances(s), views, now, throttled);
        } else {
            plan = ServiceReconciler.compute(serviceView(s), views, now, throttled);
        }
        apply(s, plan, now, reported);
        s.keepConditions(reported);
        arm(s, now);
    }

    private void apply(Service s, ReconcilePlan plan, Instant now, List<String> reported) {
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
            if (!isSettledEvent(message)) {
                event(s, message);
                reported.add(message);
            }
        }
        for (ReconcilePlan.DeploymentChange c : plan.deploymentChanges()) {
            applyChange(s, c, now);
        }
        if (plan.rollback()) {
            rollback(s, now);
        }
        if (plan.start() > 0) {
            launches.launchPrimary(s, plan.start(), reported);
        }
        if (!plan.starts().isEmpty()) {
            launches.launch(s, plan.starts(), reported);
        }
        for (String message : plan.events()) {
            if (isSettledEvent(message)) {
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
            serviceConnect.released(s);
        }
    }

    private static boolean isSettledEvent(String message) {
        return message.endsWith("has reached a steady state.") || message.endsWith("deployment completed.");
    }

    /** A deployment's rollout or retirement; for a task set, its stability or that it is gone. */
    private void applyChange(Service s, ReconcilePlan.DeploymentChange c, Instant now) {
        Optional<TaskSet> taskSet = s.taskSet(c.deploymentId());
        if (c.retire()) {
            s.retire(c.deploymentId());
            taskSet.ifPresent(TaskSet::gone);
            s.dropGoneTaskSets();
            s.tasks.values().removeIf(t -> t.spec().startedBy().filter(c.deploymentId()::equals).isPresent()
                    && t.lastStatus() == TaskLifecycle.STOPPED);
        } else if (taskSet.isPresent()) {
            taskSet.get().stability(c.rolloutState(), now);
        } else {
            s.deployment(c.deploymentId()).ifPresent(d -> d.rollout(c.rolloutState(), c.reason(), now));
        }
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
        boolean behindLoadBalancer = !s.config().loadBalancers().isEmpty()
                || s.taskSets().stream().anyMatch(ts -> !ts.spec().loadBalancers().isEmpty());
        boolean watch = !s.steady || behindLoadBalancer;
        if (watch && s.resyncArmed == 0) {
            s.resyncArmed = ++armings;
            timers.schedule(resyncPeriod(), RESYNC, s.arn(), Long.toString(s.resyncArmed));
        }
        if (s.retryAt != null && now.isBefore(s.retryAt) && s.retryArmed == 0) {
            s.retryArmed = ++armings;
            timers.schedule(Duration.between(now, s.retryAt), RETRY, s.arn(), Long.toString(s.retryArmed));
        }
    }

    private void rollback(Service s, Instant now) {
        Deployment failed = s.primary();
        Deployment previous = s.deployments().get(1);
        ServiceConfig back = s.config().withTaskDefinition(previous.config().taskDefinitionArn());
        s.configure(back);
        s.deploy(ecs.services().deployment(s, back), now);
        s.throttleLevel = 0;
        s.retryAt = null;
        event(s, "(service " + s.name() + ") (deployment " + failed.id() + ") deployment failed: rolling back to (deployment "
                + previous.id() + ").");
    }

    /** {@code ecs-svc/} and 19 digits (deployment and task set ids). */
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
        return new TaskView(t.id(), t.spec().startedBy().orElse(""), phase, t.startedAt(), verdict, failed,
                t.ec2().map(e -> e.containerInstance().arn()));
    }

    /**
     * The container instances a DAEMON service runs one task on: ACTIVE ones of its cluster that have the
     * attributes its task definition needs, sit in a zone of its subnets (awsvpc) and match its memberOf
     * constraints. Resources are checked when the task is placed, as ECS does.
     */
    List<String> eligibleInstances(Service s) {
        if (!s.status().equals(Service.ACTIVE)) {
            return List.of();
        }
        Optional<TaskDefinition> td = ecs.taskDefinitions().find(s.primary().config().taskDefinitionArn());
        if (td.isEmpty()) {
            return List.of();
        }
        Optional<TaskPlacement.Checked> net = s.primary().config().network().map(placement::check);
        PlacementRequest request = Ec2TaskLauncher.placementRequest(td.get(), s.group(), s.config().placementConstraints(), List.of(), net);
        List<String> out = new ArrayList<>();
        for (ContainerInstance ci : ecs.containerInstances().placeable(s.cluster())) {
            if (Checks.ineligible(ci.host(), request).isEmpty()) {
                out.add(ci.arn());
            }
        }
        return out;
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
        int desired = d == s.primary() ? desiredCount(s) : running + pending;
        return new int[]{desired, pending, running, failed};
    }

    /** The configured desired count; for a DAEMON service, the number of instances it runs on. */
    int desiredCount(Service s) {
        return s.isDaemon() ? eligibleInstances(s).size() : s.config().desiredCount();
    }

    /** {pending, running} over every task of the service that is not asked to stop; {@code startedBy} narrows it. */
    int[] liveCounts(Service s, Optional<String> startedBy) {
        int pending = 0;
        int running = 0;
        for (Task t : s.tasks.values()) {
            if (t.isStopRequested() || startedBy.isPresent() && !t.spec().startedBy().equals(startedBy)) {
                continue;
            }
            if (t.lastStatus() == TaskLifecycle.RUNNING) {
                running++;
            } else if (t.lastStatus().isPending()) {
                pending++;
            }
        }
        return new int[]{pending, running};
    }

    String region() {
        return key.region();
    }

    // ---- snapshots --------------------------------------------------------------------------------------------

    /**
     * The queue, counters and task owners. {@code current} tells a service of the region from one its name has since
     * been reused for: such a service is INACTIVE, so a pass over it does nothing, and it is left out.
     */
    EcsServicesRecord.ControllerRecord export(java.util.function.Predicate<Service> current) {
        List<String> queued = queue.stream().filter(current).map(Service::arn).toList();
        Map<String, Integer> passes = new java.util.LinkedHashMap<>();
        passesAtInstant.forEach((s, n) -> {
            if (current.test(s)) {
                passes.put(s.arn(), n);
            }
        });
        Map<String, String> owners = new java.util.LinkedHashMap<>();
        ownerByTaskId.forEach((taskId, s) -> {
            if (current.test(s)) {
                owners.put(taskId, s.arn());
            }
        });
        return new EcsServicesRecord.ControllerRecord(queued, drainScheduled, armings,
                passInstant.equals(Instant.MIN) ? null : passInstant, passes, owners);
    }

    /** Restoring a snapshot, after the services: {@code byArn} finds each by its ARN. */
    void restore(EcsServicesRecord.ControllerRecord r, java.util.function.Function<String, Service> byArn) {
        r.queue().forEach(arn -> queue.add(byArn.apply(arn)));
        drainScheduled = r.drainScheduled();
        armings = r.armings();
        passInstant = r.passInstant() == null ? Instant.MIN : r.passInstant();
        r.passes().forEach((arn, n) -> passesAtInstant.put(byArn.apply(arn), n));
        r.ownerByTaskId().forEach((taskId, arn) -> ownerByTaskId.put(taskId, byArn.apply(arn)));
    }
}
