package dev.ecsnet.domain.common;

import java.time.Duration;

/**
 * How long each lifecycle step takes. {@code INSTANT} runs every step as soon as the command that caused it has
 * answered (tests), {@code FAST} takes a fraction of a second per step (the default: a person can still watch the
 * states go by), {@code REALISTIC} uses durations like AWS's.
 */
public enum TimingProfile {
    INSTANT(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO),
    FAST(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(200)),
    REALISTIC(Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofSeconds(10));

    private final Duration provisioning;
    private final Duration pending;
    private final Duration activating;
    private final Duration deactivating;
    private final Duration stopping;
    private final Duration deprovisioning;

    TimingProfile(Duration provisioning, Duration pending, Duration activating, Duration deactivating, Duration stopping, Duration deprovisioning) {
        this.provisioning = provisioning;
        this.pending = pending;
        this.activating = activating;
        this.deactivating = deactivating;
        this.stopping = stopping;
        this.deprovisioning = deprovisioning;
    }

    /** PROVISIONING → PENDING: the ENI is created and attached. */
    public Duration provisioning() {
        return provisioning;
    }

    /** PENDING → RUNNING: the image is pulled and the containers start. */
    public Duration pending() {
        return pending;
    }

    public Duration activating() {
        return activating;
    }

    public Duration deactivating() {
        return deactivating;
    }

    /** STOPPING → DEPROVISIONING: SIGTERM, then the containers exit. */
    public Duration stopping() {
        return stopping;
    }

    /** DEPROVISIONING → STOPPED: the ENI is detached and deleted. */
    public Duration deprovisioning() {
        return deprovisioning;
    }

    /** EC2 instance pending → running (boot); the ECS agent registers the instance when it is running. */
    public Duration instancePending() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(500);
            case REALISTIC -> Duration.ofSeconds(30);
        };
    }

    /** EC2 instance shutting-down → terminated. */
    public Duration instanceShuttingDown() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(500);
            case REALISTIC -> Duration.ofSeconds(20);
        };
    }

    /** A VPC or subnet CIDR block association: associating → associated, disassociating → disassociated. */
    public Duration cidrAssociation() {
        return switch (this) {
            case INSTANT -> Duration.ZERO;
            case FAST -> Duration.ofMillis(100);
            case REALISTIC -> Duration.ofSeconds(5);
        };
    }
}
