package dev.ecsnet.domain.appautoscaling;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ECS service registered with Application Auto Scaling ({@code service/<cluster>/<service>},
 * {@code ecs:service:DesiredCount}): its capacity bounds, role, suspended state and tags. Used only on the engine thread.
 */
public final class ScalableTarget {
    public static final String NAMESPACE = "ecs";
    public static final String DIMENSION = "ecs:service:DesiredCount";

    private final String resourceId;
    private final String cluster;
    private final String service;
    private final String arn;
    private final Instant creationTime;
    private int minCapacity;
    private int maxCapacity;
    private String roleArn;
    private SuspendedState suspendedState;
    private final Map<String, String> tags = new LinkedHashMap<>();

    ScalableTarget(String resourceId, String cluster, String service, String arn, Instant creationTime, int minCapacity, int maxCapacity,
                   String roleArn, SuspendedState suspendedState) {
        this.resourceId = resourceId;
        this.cluster = cluster;
        this.service = service;
        this.arn = arn;
        this.creationTime = creationTime;
        this.minCapacity = minCapacity;
        this.maxCapacity = maxCapacity;
        this.roleArn = roleArn;
        this.suspendedState = suspendedState;
    }

    public String resourceId() {
        return resourceId;
    }

    public String cluster() {
        return cluster;
    }

    public String service() {
        return service;
    }

    public String arn() {
        return arn;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public int minCapacity() {
        return minCapacity;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    public String roleArn() {
        return roleArn;
    }

    public SuspendedState suspendedState() {
        return suspendedState;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    void bounds(int min, int max) {
        this.minCapacity = min;
        this.maxCapacity = max;
    }

    void roleArn(String value) {
        this.roleArn = value;
    }

    void suspendedState(SuspendedState value) {
        this.suspendedState = value;
    }

    void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    void untag(Iterable<String> keys) {
        keys.forEach(tags::remove);
    }
}
