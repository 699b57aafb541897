package dev.ecsnet.domain.ecs.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DAEMON scheduler's decision, as a pure function: one task of the PRIMARY deployment on every container
 * instance that can take it ({@code eligible}: ACTIVE, and matching the service's placement constraints), and
 * none anywhere else. It never changes anything itself.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A draining (deleted) service stops everything.</li>
 *   <li>A task on an instance that is no longer eligible (draining, deregistered, no longer matching) stops.</li>
 *   <li>On an eligible instance, a second task of the PRIMARY deployment stops, and so does an older deployment's
 *       task once a PRIMARY one is there; without one, the older task stops only while the healthy tasks stay at
 *       or above {@code ceil(instances × minimumHealthyPercent / 100)} (maximumPercent is at most 100: an
 *       instance never runs two tasks of the service).</li>
 *   <li>An eligible instance with no task of the service (none starting, running or stopping) gets one, unless
 *       launches are throttled.</li>
 *   <li>Every eligible instance running its one PRIMARY task, nothing else left: the deployment completes, old
 *       deployments retire, the service is steady.</li>
 * </ol>
 */
public final class DaemonReconciler {

    private DaemonReconciler() {
    }

    public static ReconcilePlan compute(ServiceView service, List<String> eligible, List<TaskView> tasks, Instant now,
                                        boolean launchesThrottled) {
        String prefix = "(service " + service.name() + ")";
        String primary = service.primary().id();
        List<ReconcilePlan.Stop> stops = new ArrayList<>();
        Set<String> stopping = new HashSet<>();
        Set<String> eligibleSet = new HashSet<>(eligible);
        List<TaskView> live = tasks.stream().filter(TaskView::isLive).toList();

        // 1 and 2: a deleted service, or an instance the service no longer runs on
        for (TaskView t : live) {
            if (service.draining() || !eligibleSet.contains(t.containerInstanceArn().orElse(""))) {
                stop(t, stops, stopping);
            }
        }
        // 3: one task per instance, the PRIMARY deployment's
        Map<String, List<TaskView>> byInstance = new LinkedHashMap<>();
        live.stream().filter(t -> !stopping.contains(t.id()))
                .forEach(t -> byInstance.computeIfAbsent(t.containerInstanceArn().orElse(""), k -> new ArrayList<>()).add(t));
        int healthy = (int) live.stream().filter(t -> !stopping.contains(t.id()) && t.phase() == TaskView.Phase.RUNNING).count();
        int floor = ServiceReconciler.minHealthy(eligible.size(), service.minimumHealthyPercent());
        for (List<TaskView> onInstance : byInstance.values()) {
            List<TaskView> mine = new ArrayList<>(onInstance.stream().filter(t -> t.deploymentId().equals(primary)).toList());
            mine.sort(Comparator.comparing((TaskView t) -> t.phase() != TaskView.Phase.RUNNING)
                    .thenComparing(t -> t.startedAt().orElse(Instant.MAX)));
            for (TaskView extra : mine.subList(Math.min(1, mine.size()), mine.size())) {
                stop(extra, stops, stopping);
            }
            for (TaskView old : onInstance.stream().filter(t -> !t.deploymentId().equals(primary)).toList()) {
                boolean h = old.phase() == TaskView.Phase.RUNNING;
                if (mine.isEmpty() && h && healthy - 1 < floor) {
                    continue;
                }
                stop(old, stops, stopping);
                if (h) {
                    healthy--;
                }
            }
        }
        List<String> events = new ArrayList<>();
        if (!stops.isEmpty()) {
            StringBuilder b = new StringBuilder(prefix).append(" has stopped ").append(stops.size()).append(" running tasks:");
            stops.forEach(s -> b.append(" (task ").append(s.taskId()).append(")"));
            events.add(b.append('.').toString());
        }
        // 4: start where nothing of the service is
        Set<String> occupied = new HashSet<>();
        for (TaskView t : tasks) {
            if (t.phase() != TaskView.Phase.STOPPED) {
                t.containerInstanceArn().ifPresent(occupied::add);
            }
        }
        List<ReconcilePlan.Start> starts = new ArrayList<>();
        if (!service.draining() && !launchesThrottled) {
            for (String instance : eligible) {
                if (!occupied.contains(instance)) {
                    starts.add(new ReconcilePlan.Start(primary, Optional.of(instance)));
                }
            }
        }
        // 5: completion, retirement, steady state
        List<ReconcilePlan.DeploymentChange> changes = new ArrayList<>();
        Set<String> withTasks = new HashSet<>();
        tasks.stream().filter(t -> t.phase() != TaskView.Phase.STOPPED).forEach(t -> withTasks.add(t.deploymentId()));
        for (ServiceView.DeploymentView d : service.deployments().subList(1, service.deployments().size())) {
            if (!withTasks.contains(d.id())) {
                changes.add(new ReconcilePlan.DeploymentChange(d.id(), d.rolloutState(), "", true));
            }
        }
        long runningPrimary = live.stream().filter(t -> !stopping.contains(t.id()) && t.deploymentId().equals(primary)
                && t.phase() == TaskView.Phase.RUNNING).count();
        boolean settled = !service.draining() && starts.isEmpty() && stops.isEmpty() && runningPrimary == eligible.size()
                && live.size() == eligible.size() && tasks.stream().noneMatch(t -> t.phase() == TaskView.Phase.STOPPING);
        if (settled && service.primary().rolloutState().equals(ServiceReconciler.IN_PROGRESS)) {
            changes.add(new ReconcilePlan.DeploymentChange(primary, ServiceReconciler.COMPLETED, "ECS deployment " + primary + " completed.", false));
            events.add(prefix + " (deployment " + primary + ") deployment completed.");
        }
        if (settled) {
            events.add(prefix + " has reached a steady state.");
        }
        boolean inactive = service.draining() && tasks.stream().allMatch(t -> t.phase() == TaskView.Phase.STOPPED);
        return new ReconcilePlan(0, starts, stops, changes, events, settled, false, inactive);
    }

    private static void stop(TaskView t, List<ReconcilePlan.Stop> stops, Set<String> stopping) {
        if (stopping.add(t.id())) {
            stops.add(new ReconcilePlan.Stop(t.id(), "Scaling activity initiated by (deployment " + t.deploymentId() + ")"));
        }
    }
}
