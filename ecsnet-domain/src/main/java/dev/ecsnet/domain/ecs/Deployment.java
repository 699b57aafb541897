package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One deployment of a service: the configuration it rolls out, PRIMARY (the newest) or ACTIVE (older ones still
 * holding tasks), and its rollout state. Its task counts are computed from its tasks when described. Used only on
 * the engine thread.
 */
public final class Deployment {
    public static final String PRIMARY = "PRIMARY";
    public static final String ACTIVE = "ACTIVE";

    private final String id;
    private final ServiceConfig config;
    private final Instant createdAt;
    private final List<ServiceConnect.Resource> serviceConnectResources;
    private String status = PRIMARY;
    private Instant updatedAt;
    private String rolloutState = "IN_PROGRESS";
    private String rolloutStateReason;

    Deployment(String id, ServiceConfig config, Instant createdAt, List<ServiceConnect.Resource> serviceConnectResources) {
        this.id = id;
        this.config = config;
        this.createdAt = createdAt;
        this.serviceConnectResources = List.copyOf(serviceConnectResources);
        this.updatedAt = createdAt;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    /** A deployment as a snapshot recorded it. */
    Deployment(String id, ServiceConfig config, Instant createdAt, List<ServiceConnect.Resource> serviceConnectResources,
               String status, Instant updatedAt, String rolloutState, String rolloutStateReason) {
        this(id, config, createdAt, serviceConnectResources);
        this.status = status;
        this.updatedAt = updatedAt;
        this.rolloutState = rolloutState;
        this.rolloutStateReason = rolloutStateReason;
    }

    /** {@code ecs-svc/} and 19 digits; tasks of the deployment have it as {@code startedBy}. */
    public String id() {
        return id;
    }

    public ServiceConfig config() {
        return config;
    }

    /** The Cloud Map services the deployment's tasks are registered in for Service Connect. */
    public List<ServiceConnect.Resource> serviceConnectResources() {
        return serviceConnectResources;
    }

    public String status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String rolloutState() {
        return rolloutState;
    }

    public Optional<String> rolloutStateReason() {
        return Optional.ofNullable(rolloutStateReason);
    }

    void demote(Instant at) {
        status = ACTIVE;
        updatedAt = at;
    }

    void rollout(String state, String reason, Instant at) {
        rolloutState = state;
        rolloutStateReason = reason;
        updatedAt = at;
    }
}
