package dev.ecsnet.domain.appautoscaling;

/** Which kinds of scaling are suspended for a scalable target. Scheduled actions do not run while scheduled scaling is. */
public record SuspendedState(boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended, boolean scheduledScalingSuspended) {
    public static final SuspendedState NONE = new SuspendedState(false, false, false);
}
