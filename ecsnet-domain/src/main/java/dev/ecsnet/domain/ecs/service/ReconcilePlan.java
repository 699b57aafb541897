package dev.ecsnet.domain.ecs.service;

import java.util.List;
import java.util.Optional;

/**
 * What one reconcile pass decided, for the engine to apply: how many tasks to start for the PRIMARY deployment
 * ({@code start}), or, for DAEMON services and task sets, each task to start where it belongs ({@code starts}),
 * tasks to stop (with their stoppedReason), deployment (or task set) changes, service events (in the order they
 * happen) and the service's resulting condition.
 */
public record ReconcilePlan(int start, List<Start> starts, List<Stop> stops, List<DeploymentChange> deploymentChanges,
                            List<String> events, boolean steady, boolean rollback, boolean inactive) {
    public ReconcilePlan {
        starts = List.copyOf(starts);
        stops = List.copyOf(stops);
        deploymentChanges = List.copyOf(deploymentChanges);
        events = List.copyOf(events);
    }

    /** A plan that starts only PRIMARY tasks, wherever placement puts them. */
    public ReconcilePlan(int start, List<Stop> stops, List<DeploymentChange> deploymentChanges, List<String> events,
                         boolean steady, boolean rollback, boolean inactive) {
        this(start, List.of(), stops, deploymentChanges, events, steady, rollback, inactive);
    }

    /**
     * Start one task of a deployment or task set ({@code deploymentId}), on the given container instance when the
     * task belongs to one (DAEMON services).
     */
    public record Start(String deploymentId, Optional<String> containerInstanceArn) {
    }

    /** Stop one task: stopCode is always {@code ServiceSchedulerInitiated}. */
    public record Stop(String taskId, String reason) {
    }

    /**
     * A deployment's new rollout state (with its reason), or {@code retire}: an old deployment with no task left
     * leaves the list. For a task set, the state is its stability status, and {@code retire} means a DRAINING task
     * set with no task left is gone.
     */
    public record DeploymentChange(String deploymentId, String rolloutState, String reason, boolean retire) {
    }
}
