package dev.ecsnet.domain.ecs.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler of a service with the EXTERNAL deployment controller, as a pure function: each task set keeps its
 * computed desired count ({@code ceil(service desired × scale / 100)}, none once DRAINING) running, independently
 * of the others: the external deployer decides how they shift. It never changes anything itself.
 *
 * <p>Per task set: surplus tasks stop (not-running ones first, then the newest); missing ones start unless
 * launches are throttled; its stability is STEADY_STATE when its running tasks equal its computed count with
 * nothing starting or stopping, else STABILIZING; a DRAINING task set with no task left is gone. Tasks of no task
 * set stop. A deleted service stops everything and is INACTIVE once all of it has stopped.
 */
public final class TaskSetReconciler {
    public static final String STEADY_STATE = "STEADY_STATE";
    public static final String STABILIZING = "STABILIZING";

    /** One task set: its id, whether it is DRAINING, and its computed desired count. */
    public record TaskSetView(String id, boolean draining, int computedDesiredCount) {
    }

    private TaskSetReconciler() {
    }

    public static ReconcilePlan compute(String serviceName, boolean serviceDraining, List<TaskSetView> taskSets, List<TaskView> tasks,
                                        boolean launchesThrottled) {
        String prefix = "(service " + serviceName + ")";
        List<ReconcilePlan.Stop> stops = new ArrayList<>();
        List<ReconcilePlan.Start> starts = new ArrayList<>();
        List<ReconcilePlan.DeploymentChange> changes = new ArrayList<>();
        List<String> ids = taskSets.stream().map(TaskSetView::id).toList();
        for (TaskView t : tasks) {
            if (t.isLive() && (serviceDraining || !ids.contains(t.deploymentId()))) {
                stops.add(stop(t));
            }
        }
        boolean allSteady = true;
        for (TaskSetView ts : taskSets) {
            List<TaskView> mine = tasks.stream().filter(t -> t.deploymentId().equals(ts.id())).toList();
            List<TaskView> live = new ArrayList<>(mine.stream().filter(TaskView::isLive).toList());
            int desired = serviceDraining ? 0 : ts.computedDesiredCount();
            int stopped = 0;
            if (!serviceDraining && live.size() > desired) {
                live.sort(Comparator.comparing((TaskView t) -> t.phase() == TaskView.Phase.RUNNING)
                        .thenComparing((TaskView t) -> t.startedAt().orElse(Instant.MAX), Comparator.reverseOrder()));
                for (TaskView t : live.subList(0, live.size() - desired)) {
                    stops.add(stop(t));
                    stopped++;
                }
            }
            int remaining = serviceDraining ? 0 : live.size() - stopped;
            if (!serviceDraining && !launchesThrottled) {
                for (int i = remaining; i < desired; i++) {
                    starts.add(new ReconcilePlan.Start(ts.id(), Optional.empty()));
                }
            }
            long running = mine.stream().filter(t -> t.phase() == TaskView.Phase.RUNNING).count();
            boolean moving = mine.stream().anyMatch(t -> t.phase() == TaskView.Phase.STARTING || t.phase() == TaskView.Phase.STOPPING);
            boolean steady = stopped == 0 && running == desired && !moving && remaining == desired;
            allSteady &= steady;
            changes.add(new ReconcilePlan.DeploymentChange(ts.id(), steady ? STEADY_STATE : STABILIZING, "",
                    ts.draining() && mine.stream().allMatch(t -> t.phase() == TaskView.Phase.STOPPED)));
        }
        List<String> events = new ArrayList<>();
        if (!stops.isEmpty()) {
            StringBuilder b = new StringBuilder(prefix).append(" has stopped ").append(stops.size()).append(" running tasks:");
            stops.forEach(s -> b.append(" (task ").append(s.taskId()).append(")"));
            events.add(b.append('.').toString());
        }
        boolean settled = !serviceDraining && allSteady && stops.isEmpty() && starts.isEmpty()
                && tasks.stream().noneMatch(t -> t.phase() == TaskView.Phase.STOPPING);
        if (settled) {
            events.add(prefix + " has reached a steady state.");
        }
        boolean inactive = serviceDraining && tasks.stream().allMatch(t -> t.phase() == TaskView.Phase.STOPPED);
        return new ReconcilePlan(0, starts, stops, changes, events, settled, false, inactive);
    }

    private static ReconcilePlan.Stop stop(TaskView t) {
        return new ReconcilePlan.Stop(t.id(), "Scaling activity initiated by (deployment " + t.deploymentId() + ")");
    }
}
