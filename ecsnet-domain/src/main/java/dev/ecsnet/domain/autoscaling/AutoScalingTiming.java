package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.TimingProfile;

import java.time.Duration;

/**
 * How long Auto Scaling takes to act under each {@link TimingProfile}: from a change of desired capacity to the
 * launches and terminations it causes, and from an instance stopping outside the group to the health check that
 * notices it. Instance boot and shutdown take EC2's own times ({@link TimingProfile#instancePending()}).
 */
public enum AutoScalingTiming {
    INSTANT, FAST, REALISTIC;

    public static AutoScalingTiming of(TimingProfile profile) {
        return switch (profile) {
            case INSTANT -> INSTANT;
            case FAST -> FAST;
            case REALISTIC -> REALISTIC;
        };
    }

    /** A difference between desired and actual capacity → the scaling activities that close it. */
    public Duration reaction() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(200);
            case REALISTIC -> Duration.ofSeconds(5);
        };
    }

    /** An instance stopped or terminated outside the group → its EC2 health check fails. */
    public Duration healthCheck() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(500);
            case REALISTIC -> Duration.ofSeconds(30);
        };
    }

    /** A failed launch → the next attempt; doubles after each failure up to {@link #maxRetry()}. */
    public Duration firstRetry() {
        return switch (this) {
            case INSTANT -> Duration.ofSeconds(10);
            case FAST -> Duration.ofSeconds(1);
            case REALISTIC -> Duration.ofSeconds(10);
        };
    }

    public Duration maxRetry() {
        return switch (this) {
            case INSTANT, REALISTIC -> Duration.ofMinutes(5);
            case FAST -> Duration.ofSeconds(30);
        };
    }
}
