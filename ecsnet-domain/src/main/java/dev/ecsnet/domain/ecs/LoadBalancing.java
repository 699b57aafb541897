package dev.ecsnet.domain.ecs;

import java.time.Duration;
import java.util.Optional;

/**
 * What ECS services need from Elastic Load Balancing: the target group's type, registering and deregistering a
 * task's IP target, how long draining takes, and the target's health now. The region wires ELBv2 in; without it
 * no target group exists.
 */
public interface LoadBalancing {

    /** A target's health: {@code state} as ELB names it (initial, healthy, unhealthy, draining, unused) and its description. */
    record Health(String state, String description) {
    }

    /** The target group's target type ({@code ip}, {@code instance}, ...), or empty when there is no such group. */
    Optional<String> targetType(String targetGroupArn);

    void register(String targetGroupArn, String ip, int port);

    void deregister(String targetGroupArn, String ip, int port);

    /** How long a deregistered target drains (the group's deregistration delay, on the region's timing). */
    Duration drainingTime(String targetGroupArn);

    Health health(String targetGroupArn, String ip, int port);

    LoadBalancing NONE = new LoadBalancing() {
        @Override
        public Optional<String> targetType(String targetGroupArn) {
            return Optional.empty();
        }

        @Override
        public void register(String targetGroupArn, String ip, int port) {
        }

        @Override
        public void deregister(String targetGroupArn, String ip, int port) {
        }

        @Override
        public Duration drainingTime(String targetGroupArn) {
            return Duration.ZERO;
        }

        @Override
        public Health health(String targetGroupArn, String ip, int port) {
            return new Health("unused", "Target is not registered to the target group");
        }
    };
}
