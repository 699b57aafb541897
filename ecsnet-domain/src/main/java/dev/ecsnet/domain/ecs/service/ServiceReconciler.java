package dev.ecsnet.domain.ecs.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service scheduler's decision, as a pure function of the service, its tasks and the time: which tasks to
 * start and stop, how its deployments move, and which events that writes. It never changes anything itself.
 *
 * <p>Rules, in the order they are applied (ECS's rolling update):
 * <ol>
 *   <li>A RUNNING task whose target is unhealthy once the health check grace period is over is stopped
 *       ({@code Task failed ELB health checks in (target-group …)}).</li>
 *   <li>A draining (deleted) service stops everything.</li>
 *   <li>Tasks of older deployments are stopped: those not healthy at once, healthy ones only while the healthy
 *       count stays at or above {@code ceil(desired × minimumHealthyPercent / 100)}.</li>
 *   <li>Surplus PRIMARY tasks are stopped (scale in), not-running ones first, then the newest.</li>
 *   <li>PRIMARY tasks are started up to the desired count, never making more than
 *       {@code floor(desired × maximumPercent / 100)} tasks live — unless launches are throttled or the
 *       deployment failed.</li>
 *   <li>The circuit breaker fails the PRIMARY deployment once its failed tasks reach the threshold.</li>
 *   <li>A deployment whose tasks are all healthy at the desired count with nothing else left completes; old
 *       deployments with no live task retire; the service is steady.</li>
 * </ol>
 */
public final class ServiceReconciler {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String CIRCUIT_BREAKER_REASON = "ECS deployment circuit breaker: tasks failed to start.";

    private ServiceReconciler() {
    }

    /** The most tasks that may be live at once. */
    public static int maxLive(int desired, int maximumPercent) {
        return (int) Math.floor(desired * (long) maximumPercent / 100.0);
    }

    /** The fewest healthy tasks a deployment keeps. */
    public static int minHealthy(int desired, int minimumHealthyPercent) {
        return (int) Math.ceil(desired * (long) minimumHealthyPercent / 100.0);
    }

    /** AWS's circuit breaker threshold: half the desired count, at least 3 and at most 200. */
    public static int failureThreshold(int desired) {
        return Math.min(200, Math.max(3, (int) Math.ceil(desired / 2.0)));
    }

    public static ReconcilePlan compute(ServiceView service, List<TaskView> tasks, Instant now, boolean launchesThrottled) {
        String prefix = "(service " + service.name() + ")";
        ServiceView.DeploymentView primary = service.primary();
        List<String> events = new ArrayList<>();
        List<ReconcilePlan.Stop> stops = new ArrayList<>();
        Set<String> stopping = new HashSet<>();
        List<String> scaled = new ArrayList<>();

        // 1. unhealthy targets past the grace period
        for (TaskView t : tasks) {
            if (t.phase() == TaskView.Phase.RUNNING && t.target().state() == TaskView.TargetVerdict.State.UNHEALTHY
                    && t.startedAt().map(s -> !now.isBefore(s.plusSeconds(service.gracePeriodSeconds()))).orElse(true)) {
                TaskView.TargetVerdict v = t.target();
                events.add(prefix + " (task " + t.id() + ") (port " + v.port() + ") is unhealthy in (target-group "
                        + v.targetGroupArn() + ") due to (reason " + v.reason() + ").");
                stops.add(new ReconcilePlan.Stop(t.id(), "Task failed ELB health checks in (target-group " + v.targetGroupArn() + ")"));
                stopping.add(t.id());
                scaled.add(t.id());
            }
        }
        List<TaskView> live = tasks.stream().filter(t -> t.isLive() && !stopping.contains(t.id())).toList();
        int desired = service.draining() ? 0 : service.desiredCount();

                if (service.draining()) {
            // 2. a deleted service stops everything
            for (TaskView t : live) {
                stops.add(new ReconcilePlan.Stop(t.id(), scalingBy(t.deploymentId())));
                stopping.add(t.id());
                scaled.add(t.id());
            }
        } else {
            // 3. older deployments
            int healthy = (int) live.stream().filter(t -> isHealthy(t, service)).count();
            int floor = minHealthy(desired, service.minimumHealthyPercent());
            List<TaskView> old = new ArrayList<>(live.stream().filter(t -> !t.deploymentId().equals(primary.id())).toList());
            old.sort(Comparator.comparing((TaskView t) -> isHealthy(t, service)));
            for (TaskView t : old) {
                boolean h = isHealthy(t, service);
                if (h && healthy - 1 < floor) {
                    continue;
                }
                stops.add(new ReconcilePlan.Stop(t.id(), scalingBy(t.deploymentId())));
                stopping.add(t.id());
                scaled.add(t.id());
                if (h) {
                    healthy--;
                }
            }
            // 4. scale in
            List<TaskView> mine = new ArrayList<>(live.stream().filter(t -> t.deploymentId().equals(primary.id())).toList());
            if (mine.size() > desired) {
                mine.sort(Comparator.comparing((TaskView t) -> t.phase() == TaskView.Phase.RUNNING)
                        .thenComparing((TaskView t) -> t.startedAt().orElse(Instant.MAX), Comparator.reverseOrder()));
                for (TaskView t : mine.subList(0, mine.size() - desired)) {
                    stops.add(new ReconcilePlan.Stop(t.id(), scalingBy(t.deploymentId())));
                    stopping.add(t.id());
                    scaled.add(t.id());
                }
            }
        }
        if (!scaled.isEmpty()) {
            StringBuilder b = new StringBuilder(prefix).append(" has stopped ").append(scaled.size()).append(" running tasks:");
            scaled.forEach(id -> b.append(" (task ").append(id).append(")"));
            events.add(b.append('.').toString());
        }

        List<TaskView> stillLive = live.stream().filter(t -> !stopping.contains(t.id())).toList();
        List<ReconcilePlan.DeploymentChange> changes = new ArrayList<>();
        boolean rollback = false;
        String rollout = primary.rolloutState();

        // 6. circuit breaker
        long failed = tasks.stream().filter(t -> t.failed() && t.deploymentId().equals(primary.id())).count();
        if (!service.draining() && service.circuitBreakerEnable() && rollout.equals(IN_PROGRESS) && failed >= failureThreshold(desired)) {
            rollout = FAILED;
            changes.add(new ReconcilePlan.DeploymentChange(primary.id(), FAILED, CIRCUIT_BREAKER_REASON, false));
            events.add(prefix + " (deployment " + primary.id() + ") deployment failed: tasks failed to start.");
            rollback = service.circuitBreakerRollback() && service.deployments().size() > 1;
        }

        // 5. start
        int start = 0;
        if (!service.draining() && !launchesThrottled && !rollout.equals(FAILED)) {
            long primaryLive = stillLive.stream().filter(t -> t.deploymentId().equals(primary.id())).count();
            int room = maxLive(desired, service.maximumPercent()) - stillLive.size();
            start = (int) Math.max(0, Math.min(desired - primaryLive, room));
        }

        // 7. completion, retirement, steady state
        Map<String, Long> liveByDeployment = new LinkedHashMap<>();
        stillLive.forEach(t -> liveByDeployment.merge(t.deploymentId(), 1L, Long::sum));
        for (ServiceView.DeploymentView d : service.deployments().subList(1, service.deployments().size())) {
            if (liveByDeployment.getOrDefault(d.id(), 0L) == 0 && tasks.stream().noneMatch(t -> t.deploymentId().equals(d.id())
                    && t.phase() == TaskView.Phase.STOPPING)) {
                changes.add(new ReconcilePlan.DeploymentChange(d.id(), d.rolloutState(), "", true));
            }
        }
        boolean onlyPrimary = liveByDeployment.keySet().stream().allMatch(primary.id()::equals);
        long primaryHealthy = stillLive.stream().filter(t -> t.deploymentId().equals(primary.id()) && isHealthy(t, service)).count();
        boolean settled = !service.draining() && start == 0 && onlyPrimary && primaryHealthy == desired
                && liveByDeployment.getOrDefault(primary.id(), 0L) == desired
                && tasks.stream().noneMatch(t -> t.phase() == TaskView.Phase.STOPPING) && stops.isEmpty();
        if (settled && rollout.equals(IN_PROGRESS)) {
            changes.add(new ReconcilePlan.DeploymentChange(primary.id(), COMPLETED, "ECS deployment " + primary.id() + " completed.", false));
            events.add(prefix + " (deployment " + primary.id() + ") deployment completed.");
        }
        if (settled) {
            events.add(prefix + " has reached a steady state.");
        }
        boolean inactive = service.draining() && stillLive.isEmpty()
                && tasks.stream().allMatch(t -> t.phase() == TaskView.Phase.STOPPED);
        return new ReconcilePlan(start, stops, changes, events, settled, rollback, inactive);
    }

    /** RUNNING, and, behind a load balancer, healthy there (or still in its grace period and not unhealthy). */
    static boolean isHealthy(TaskView t, ServiceView service) {
        if (t.phase() != TaskView.Phase.RUNNING) {
            return false;
        }
        if (!service.loadBalanced()) {
            return true;
        }
        return t.target().state() == TaskView.TargetVerdict.State.HEALTHY;
    }

    private static String scalingBy(String deploymentId) {
        return "Scaling activity initiated by (deployment " + deploymentId + ")";
    }
}
