package dev.ecsnet.domain.ecs.service;

import java.time.Instant;
import java.util.List;

/**
 * What the reconciler needs to know about a service. {@code deployments} has the PRIMARY first. {@code draining}
 * is a deleted service scaling to zero. {@code steady} says whether the previous pass found it steady.
 */
public record ServiceView(String name, boolean draining, int desiredCount, int maximumPercent, int minimumHealthyPercent,
                          boolean circuitBreakerEnable, boolean circuitBreakerRollback, boolean loadBalanced,
                          int gracePeriodSeconds, List<DeploymentView> deployments, boolean steady) {
    public ServiceView {
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("a service always has a PRIMARY deployment");
        }
    }

    /** One deployment: {@code rolloutState} IN_PROGRESS, COMPLETED or FAILED. */
    public record DeploymentView(String id, String rolloutState, Instant createdAt) {
    }

    public DeploymentView primary() {
        return deployments.get(0);
    }
}
