package dev.ecsnet.domain.common;

import java.time.Duration;

/**
 * Runs an action later, on the same single writer that runs every command. Lifecycle steps (ENI attach, image
 * pull, deprovisioning) are scheduled through this port so that tests can drive them with a manual clock.
 */
@FunctionalInterface
public interface Scheduler {
    void schedule(Duration delay, Runnable action);
}
