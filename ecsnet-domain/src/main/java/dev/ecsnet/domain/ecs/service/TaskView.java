package dev.ecsnet.domain.ecs.service;

import java.time.Instant;
import java.util.Optional;

/**
 * What the reconciler needs to know about one task of a service. {@code phase} folds ECS's lastStatus and
 * desiredStatus into the four cases that matter to a scheduler; {@code target} is the task's load balancer
 * health (NONE without a load balancer); {@code failed} marks a task that counts against the circuit breaker
 * (it failed to start, or failed its health checks); {@code containerInstanceArn} is where an EC2 task runs.
 */
public record TaskView(String id, String deploymentId, Phase phase, Optional<Instant> startedAt, TargetVerdict target,
                       boolean failed, Optional<String> containerInstanceArn) {

    /** A task not tied to a container instance the scheduler cares about (REPLICA services, task sets). */
    public TaskView(String id, String deploymentId, Phase phase, Optional<Instant> startedAt, TargetVerdict target, boolean failed) {
        this(id, deploymentId, phase, startedAt, target, failed, Optional.empty());
    }

    public enum Phase {
        /** PROVISIONING, PENDING or ACTIVATING, and not asked to stop. */
        STARTING,
        /** RUNNING and not asked to stop. */
        RUNNING,
        /** Asked to stop, or on the stop path. */
        STOPPING,
        STOPPED
    }

    /** One load balancer's view of the task: {@code HEALTHY}, {@code UNHEALTHY} (with reason), or not known yet. */
    public record TargetVerdict(State state, String targetGroupArn, int port, String reason) {
        public enum State { NONE, INITIAL, HEALTHY, UNHEALTHY }

        public static final TargetVerdict NONE = new TargetVerdict(State.NONE, "", 0, "");
    }

    public boolean isLive() {
        return phase == Phase.STARTING || phase == Phase.RUNNING;
    }
}
