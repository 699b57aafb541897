package dev.ecsnet.domain.autoscaling;

/**
 * The lifecycle states of an instance in an Auto Scaling group that ecsnet models, in lifecycle order, with their
 * wire names. Lifecycle hooks are stored but not run, so the {@code :Wait}/{@code :Proceed} states never occur.
 */
public enum LifecycleState {
    PENDING("Pending"), IN_SERVICE("InService"), TERMINATING("Terminating"), TERMINATED("Terminated");

    private final String wireName;

    LifecycleState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Pending and InService instances count toward the group's capacity; terminating ones no longer do. */
    public boolean countsTowardCapacity() {
        return this == PENDING || this == IN_SERVICE;
    }
}
