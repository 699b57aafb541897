package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ECS task in awsvpc mode. Mutated only by {@link TaskLifecycleDriver} and {@link Ecs} on the engine thread;
 * every change bumps {@code version}, as ECS's task state change events do. {@code lastStatus} only moves forward.
 */
public final class Task {
    /**
     * What placement decided and the request asked for; fixed for the task's life once placed (a task waiting for
     * capacity has no subnet, zone or container instance yet).
     */
    public record Spec(String id, String arn, Cluster cluster, TaskDefinition taskDefinition, String launchType,
                       String capacityProviderName, String subnetId, String availabilityZone, List<String> securityGroupIds,
                       boolean assignPublicIp, String group, Optional<String> startedBy, Map<String, Object> overrides,
                       Map<String, String> tags, boolean enableExecuteCommand, Instant createdAt) {
        public Spec {
            securityGroupIds = List.copyOf(securityGroupIds);
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    private Spec spec;
    private final List<TaskContainer> containers;
    private final TaskAttachment attachment;
    /** Starts as the spec's tags; TagResource and UntagResource change it. */
    private final Map<String, String> tags;
    private TaskLifecycle lastStatus = TaskLifecycle.PROVISIONING;
    private String desiredStatus = "RUNNING";
    private ClusterTasks counts;
    private long version = 1;
    private String networkInterfaceId;
    private String privateIpv4Address;
    private String stopCode;
    private String stoppedReason;
    private Instant stoppingAt;
    private Instant stoppedAt;
    private Instant executionStoppedAt;
    private Instant pullStartedAt;
    private Instant pullStoppedAt;
    private Instant startedAt;
    private Instant connectivityAt;
    private Ec2Placement ec2;

    Task(Spec spec, List<TaskContainer> containers, TaskAttachment attachment) {
        this.spec = spec;
        this.containers = List.copyOf(containers);
        this.attachment = attachment;
        this.tags = new LinkedHashMap<>(spec.tags());
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    Map<String, String> mutableTags() {
        return tags;
    }

    public Spec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    public String arn() {
        return spec.arn();
    }

    public List<TaskContainer> containers() {
        return containers;
    }

    public TaskAttachment attachment() {
        return attachment;
    }

    /** awsvpc tasks have an ENI (and an attachment to show); bridge, host and none tasks on EC2 have none. */
    public boolean hasNetworkInterface() {
        return spec.subnetId() != null;
    }

    /** The container instance and host port bindings of an EC2 launch type task; empty on Fargate. */
    public Optional<Ec2Placement> ec2() {
        return Optional.ofNullable(ec2);
    }

    void placedOn(Ec2Placement placement) {
        ec2 = placement;
    }

    /** Whether the task waits in PROVISIONING for its capacity provider's group to offer room. */
    public boolean isWaitingForCapacity() {
        return ec2 == null && spec.launchType().equals("EC2") && spec.capacityProviderName() != null && !isStopRequested();
    }

    /** A task that waited for capacity is placed: it takes the spec placement decided (same id, ARN and creation time). */
    void placedAfterWaiting(Spec placed, Ec2Placement placement) {
        if (!isWaitingForCapacity() || !placed.arn().equals(spec.arn())) {
            throw new IllegalStateException("task " + spec.id() + " is not waiting for capacity");
        }
        spec = placed;
        ec2 = placement;
        if (placed.subnetId() != null) {
            attachment.putDetail("subnetId", placed.subnetId());
        }
        version++;
    }

    public TaskLifecycle lastStatus() {
        return lastStatus;
    }

    public String desiredStatus() {
        return desiredStatus;
    }

    public boolean isStopRequested() {
        return "STOPPED".equals(desiredStatus);
    }

    public long version() {
        return version;
    }

    /** The task ENI, once PROVISIONING has created it; kept after deletion so stopped tasks still name it. */
    public Optional<String> networkInterfaceId() {
        return Optional.ofNullable(networkInterfaceId);
    }

    public Optional<String> privateIpv4Address() {
        return Optional.ofNullable(privateIpv4Address);
    }

    public Optional<String> stopCode() {
        return Optional.ofNullable(stopCode);
    }

    public Optional<String> stoppedReason() {
        return Optional.ofNullable(stoppedReason);
    }

    public Optional<Instant> stoppingAt() {
        return Optional.ofNullable(stoppingAt);
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    public Optional<Instant> executionStoppedAt() {
        return Optional.ofNullable(executionStoppedAt);
    }

    public Optional<Instant> pullStartedAt() {
        return Optional.ofNullable(pullStartedAt);
    }

    public Optional<Instant> pullStoppedAt() {
        return Optional.ofNullable(pullStoppedAt);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** CONNECTED from the moment the ENI is attached: the task can reach the control plane. */
    public Optional<String> connectivity() {
        return connectivityAt == null ? Optional.empty() : Optional.of("CONNECTED");
    }

    public Optional<Instant> connectivityAt() {
        return Optional.ofNullable(connectivityAt);
    }

    /** The changing state a snapshot recorded, on a task just rebuilt from its spec (before it is counted). */
    record State(TaskLifecycle lastStatus, String desiredStatus, long version, String networkInterfaceId,
                 String privateIpv4Address, String stopCode, String stoppedReason, Instant stoppingAt, Instant stoppedAt,
                 Instant executionStoppedAt, Instant pullStartedAt, Instant pullStoppedAt, Instant startedAt,
                 Instant connectivityAt, Ec2Placement ec2) {
    }

    State state() {
        return new State(lastStatus, desiredStatus, version, networkInterfaceId, privateIpv4Address, stopCode, stoppedReason,
                stoppingAt, stoppedAt, executionStoppedAt, pullStartedAt, pullStoppedAt, startedAt, connectivityAt, ec2);
    }

    void restore(State s, Map<String, String> currentTags) {
        if (counts != null) {
            throw new IllegalStateException("task " + id() + " is already counted");
        }
        lastStatus = s.lastStatus();
        desiredStatus = s.desiredStatus();
        version = s.version();
        networkInterfaceId = s.networkInterfaceId();
        privateIpv4Address = s.privateIpv4Address();
        stopCode = s.stopCode();
        stoppedReason = s.stoppedReason();
        stoppingAt = s.stoppingAt();
        stoppedAt = s.stoppedAt();
        executionStoppedAt = s.executionStoppedAt();
        pullStartedAt = s.pullStartedAt();
        pullStoppedAt = s.pullStoppedAt();
        startedAt = s.startedAt();
        connectivityAt = s.connectivityAt();
        ec2 = s.ec2();
        tags.clear();
        tags.putAll(currentTags);
    }

    // ---- transitions (package-private: only the lifecycle driver and Ecs move a task) -------------------------

    void moveTo(TaskLifecycle next) {
        if (!lastStatus.canMoveTo(next)) {
            throw new IllegalStateException("task " + id() + " cannot move from " + lastStatus + " to " + next);
        }
        if (counts != null) {
            counts.moved(lastStatus, next);
        }
        lastStatus = next;
        version++;
    }

    /** The cluster's counts by status, told of every move from now on. */
    void countIn(ClusterTasks clusterTasks) {
        this.counts = clusterTasks;
    }

    void requestStop(String code, String reason, Instant at) {
        desiredStatus = "STOPPED";
        stopCode = code;
        stoppedReason = reason;
        stoppingAt = at;
        version++;
    }

    void networkAttached(String eniId, String ip, Instant at) {
        networkInterfaceId = eniId;
        privateIpv4Address = ip;
        connectivityAt = at;
        pullStartedAt = at;
        version++;
    }

    void containersStarted(Instant at, List<String> runtimeIds) {
        pullStoppedAt = at;
        startedAt = at;
        for (int i = 0; i < containers.size(); i++) {
            containers.get(i).started(runtimeIds.get(i));
        }
        version++;
    }

    void containersStopped(Instant at) {
        containers.forEach(TaskContainer::stopped);
        executionStoppedAt = at;
        version++;
    }

    void stopped(Instant at) {
        stoppedAt = at;
        moveTo(TaskLifecycle.STOPPED);
    }
}
