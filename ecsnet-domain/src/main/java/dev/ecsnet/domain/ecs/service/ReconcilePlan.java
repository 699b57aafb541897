package dev.ecsnet.domain.ecs.service;

import java.util.List;

/**
 * What one reconcile pass decided, for the engine to apply: tasks to start for the PRIMARY deployment, tasks to
 * stop (with their stoppedReason), deployment changes, service events (in the order they happen) and the
 * service's resulting condition.
 */
public record ReconcilePlan(int start, List<Stop> stops, List<DeploymentChange> deploymentChanges, List<String> events,
                            boolean steady, boolean rollback, boolean inactive) {
    public ReconcilePlan {
        stops = List.copyOf(stops);
        deploymentChanges = List.copyOf(deploymentChanges);
        events = List.copyOf(events);
    }

    /** Stop one task: stopCode is always {@code ServiceSchedulerInitiated}. */
    public record Stop(String taskId, String reason) {
    }

    /**
     * A deployment's new rollout state (with its reason), or {@code retire}: an old deployment with no task left
     * leaves the list.
     */
    public record DeploymentChange(String deploymentId, String rolloutState, String reason, boolean retire) {
    }
}
