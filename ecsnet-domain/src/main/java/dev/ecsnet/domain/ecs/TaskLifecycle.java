package dev.ecsnet.domain.ecs;

/**
 * A task's {@code lastStatus}, in lifecycle order. The constants are the wire values. A task only ever moves
 * forward in this order; stopping jumps ahead on the stop path (RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING
 * → STOPPED), skipping the states that no longer apply.
 */
public enum TaskLifecycle {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED;

    /** Counted as pending in the cluster's {@code pendingTasksCount}. */
    public boolean isPending() {
        return this == PROVISIONING || this == PENDING || this == ACTIVATING;
    }

    boolean canMoveTo(TaskLifecycle next) {
        return next.ordinal() > ordinal();
    }
}
