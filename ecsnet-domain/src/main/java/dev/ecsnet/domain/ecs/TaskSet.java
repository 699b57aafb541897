package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task set of a service with the EXTERNAL deployment controller: its own task definition, capacity, network and
 * load balancers, and a scale (a percentage of the service's desired count, rounded up). Its tasks have the task
 * set's id as {@code startedBy}. Status PRIMARY (serving production traffic), ACTIVE, or DRAINING once deleted
 * (its tasks stop; when none is left it is gone). Used only on the engine thread.
 */
public final class TaskSet {
    public static final String PRIMARY = "PRIMARY";
    public static final String ACTIVE = "ACTIVE";
    public static final String DRAINING = "DRAINING";
    public static final String STEADY_STATE = "STEADY_STATE";
    public static final String STABILIZING = "STABILIZING";

    /** What CreateTaskSet fixes for the task set's life. */
    public record Spec(String taskDefinitionArn, Optional<String> launchType, List<CapacityProviderStrategyItem> capacityProviderStrategy,
                       Optional<String> platformVersion, Optional<TaskLaunch.AwsvpcConfiguration> network,
                       List<ServiceConfig.LoadBalancerRef> loadBalancers, List<ServiceConfig.RegistryRef> serviceRegistries,
                       Optional<String> externalId) {
        public Spec {
            capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
            loadBalancers = List.copyOf(loadBalancers);
            serviceRegistries = List.copyOf(serviceRegistries);
        }

        public boolean isFargate() {
            return launchType.map("FARGATE"::equals).orElse(CapacityProviders.isFargateStrategy(capacityProviderStrategy));
        }
    }

    private final String id;
    private final String arn;
    private final Spec spec;
    private final Instant createdAt;
    private final Optional<String> clientToken;
    private final Map<String, String> tags;
    private double scale;
    private String status = ACTIVE;
    private Instant updatedAt;
    private String stabilityStatus = STABILIZING;
    private Instant stabilityStatusAt;
    private boolean gone;

    TaskSet(String id, String arn, Spec spec, double scale, Map<String, String> tags, Optional<String> clientToken, Instant at) {
        this.id = id;
        this.arn = arn;
        this.spec = spec;
        this.scale = scale;
        this.tags = new LinkedHashMap<>(tags);
        this.clientToken = clientToken;
        this.createdAt = at;
        this.updatedAt = at;
        this.stabilityStatusAt = at;
    }

    /** A task set as a snapshot recorded it. */
    TaskSet(String id, String arn, Spec spec, Instant createdAt, Optional<String> clientToken, Map<String, String> tags, double scale,
            String status, Instant updatedAt, String stabilityStatus, Instant stabilityStatusAt, boolean gone) {
        this(id, arn, spec, scale, tags, clientToken, createdAt);
        this.status = status;
        this.updatedAt = updatedAt;
        this.stabilityStatus = stabilityStatus;
        this.stabilityStatusAt = stabilityStatusAt;
        this.gone = gone;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public Spec spec() {
        return spec;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    Optional<String> clientToken() {
        return clientToken;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    Map<String, String> mutableTags() {
        return tags;
    }

    /** The percentage (0 to 100) of the service's desired count the task set keeps running. */
    public double scale() {
        return scale;
    }

    void scale(double percent, Instant at) {
        scale = percent;
        updatedAt = at;
    }

    /** {@code ceil(desired × scale / 100)}; none once DRAINING. */
    public int computedDesiredCount(int serviceDesiredCount) {
        if (status.equals(DRAINING)) {
            return 0;
        }
        return (int) Math.ceil(serviceDesiredCount * scale / 100.0 - 1e-9);
    }

    public String status() {
        return status;
    }

    void status(String next, Instant at) {
        status = next;
        updatedAt = at;
    }

    public String stabilityStatus() {
        return stabilityStatus;
    }

    public Instant stabilityStatusAt() {
        return stabilityStatusAt;
    }

    void stability(String next, Instant at) {
        if (!next.equals(stabilityStatus)) {
            stabilityStatus = next;
            stabilityStatusAt = at;
        }
    }

    /** A DRAINING task set whose tasks have all stopped: no longer described. */
    public boolean isGone() {
        return gone;
    }

    void gone() {
        gone = true;
    }
}
