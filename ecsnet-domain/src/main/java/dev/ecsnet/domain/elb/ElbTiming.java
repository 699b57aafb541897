package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.TimingProfile;

import java.time.Duration;

/**
 * How long load balancer steps take under each {@link TimingProfile}: provisioning → active, target registration,
 * the initial health checks, and the deregistration delay. {@code REALISTIC} uses AWS's own durations (initial checks
 * take healthy-threshold × interval, draining takes {@code deregistration_delay.timeout_seconds}); {@code FAST}
 * shrinks them so a person can still watch; {@code INSTANT} makes them zero.
 */
public enum ElbTiming {
    INSTANT, FAST, REALISTIC;

    public static ElbTiming of(TimingProfile profile) {
        return switch (profile) {
            case INSTANT -> INSTANT;
            case FAST -> FAST;
            case REALISTIC -> REALISTIC;
        };
    }

    /** CreateLoadBalancer → State {@code active}. */
    public Duration provisioning() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofSeconds(1);
            case REALISTIC -> Duration.ofSeconds(90);
        };
    }

    /** RegisterTargets → the first health check ({@code Elb.RegistrationInProgress}). */
    public Duration registration() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(200);
            case REALISTIC -> Duration.ofSeconds(10);
        };
    }

    /** First health check → first verdict ({@code Elb.InitialHealthChecking}). */
    public Duration initialChecks(HealthCheck check) {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofSeconds(1);
            case REALISTIC -> Duration.ofSeconds((long) check.healthyThresholdCount() * check.intervalSeconds());
        };
    }

    /** Draining time for a {@code deregistration_delay.timeout_seconds} value. */
    public Duration draining(int timeoutSeconds) {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(timeoutSeconds * 10L);
            case REALISTIC -> Duration.ofSeconds(timeoutSeconds);
        };
    }
}
