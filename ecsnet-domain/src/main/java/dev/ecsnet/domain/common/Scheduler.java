package dev.ecsnet.domain.common;

import java.time.Duration;

/**
 * Arms a timer on the same single writer that runs every command. A timer is data (what to do, on which resource),
 * never an action holding live objects, so pending timers can be written down and re-armed; when it falls due, the
 * region's {@link Timers} runs the handler registered for its kind. Lifecycle steps (ENI attach, image pull,
 * deprovisioning) go through this port so that tests can drive them with a manual clock.
 */
@FunctionalInterface
public interface Scheduler {
    /** After {@code delay}, the handler of {@code kind} runs with {@code key} (a resource id) and {@code args} ("" for none). */
    void schedule(Duration delay, String kind, String key, String args);
}
