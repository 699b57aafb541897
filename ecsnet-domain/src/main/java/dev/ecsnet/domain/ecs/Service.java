package dev.ecsnet.domain.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ECS service: its configuration, its deployments (PRIMARY first), its events (newest first) and what the
 * scheduler remembers between passes (steady or not, launch throttling, which tasks it registered where).
 * Status goes ACTIVE → DRAINING (deleted, scaling to zero) → INACTIVE. Used only on the engine thread.
 */
public final class Service {
    public static final String ACTIVE = "ACTIVE";
    public static final String DRAINING = "DRAINING";
    public static final String INACTIVE = "INACTIVE";
    public static final String REPLICA = "REPLICA";
    public static final String DAEMON = "DAEMON";
    static final int MAX_EVENTS = 100;
    /** AWS repeats an unchanged event only after this long while its cause persists. */
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(6);

    private final String name;
    private final String arn;
    private final Cluster cluster;
    private final Instant createdAt;
    private final String createdBy;
    private final Optional<String> clientToken;
    private final Map<String, String> tags;
    private final String schedulingStrategy;
    private ServiceConfig config;
    private String status = ACTIVE;
    private final List<Deployment> deployments = new ArrayList<>();
    /** EXTERNAL deployment controller only: the task sets, in creation order (gone ones are dropped). */
    private final List<TaskSet> taskSets = new ArrayList<>();
    private final List<ServiceEvent> events = new ArrayList<>();
    /** message → when it was last written, for messages whose cause still holds. */
    private final Map<String, Instant> openConditions = new HashMap<>();

    // scheduler memory
    boolean steady;
    int throttleLevel;
    Instant retryAt;
    int failuresSeen;
    /** The token of the pending resync and retry timers (0: none), so a timer of an earlier service of the name does nothing. */
    long resyncArmed;
    long retryArmed;
    /** task id → the IP the scheduler registered with the service's target groups and Cloud Map services. */
    final Map<String, String> registered = new LinkedHashMap<>();
    /** The service's tasks by id, in launch order (stopped ones until their deployment retires). */
    final Map<String, Task> tasks = new LinkedHashMap<>();

    Service(String name, String arn, Cluster cluster, ServiceConfig config, String schedulingStrategy, Map<String, String> tags,
            Instant createdAt, String createdBy, Optional<String> clientToken) {
        this.name = name;
        this.schedulingStrategy = schedulingStrategy;
        this.arn = arn;
        this.cluster = cluster;
        this.config = config;
        this.tags = new LinkedHashMap<>(tags);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.clientToken = clientToken;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    Optional<String> clientToken() {
        return clientToken;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    /** The service's tag map, for TagResource and UntagResource. */
    Map<String, String> mutableTags() {
        return tags;
    }

    /** {@code REPLICA} or {@code DAEMON}; fixed when the service is created. */
    public String schedulingStrategy() {
        return schedulingStrategy;
    }

    public boolean isDaemon() {
        return DAEMON.equals(schedulingStrategy);
    }

    /** Whether the service, one of its deployments or task sets, places tasks with the capacity provider. */
    boolean usesCapacityProvider(String provider) {
        List<List<CapacityProviderStrategyItem>> strategies = new ArrayList<>();
        strategies.add(config.capacityProviderStrategy());
        deployments.forEach(d -> strategies.add(d.config().capacityProviderStrategy()));
        taskSets.forEach(t -> strategies.add(t.spec().capacityProviderStrategy()));
        return strategies.stream().flatMap(List::stream).anyMatch(i -> i.capacityProvider().equals(provider));
    }

    /** Whether the service, one of its deployments or task sets, runs the task definition revision. */
    boolean usesTaskDefinition(String arn) {
        return config.taskDefinitionArn().equals(arn) || deployments.stream().anyMatch(d -> d.config().taskDefinitionArn().equals(arn))
                || taskSets.stream().anyMatch(t -> t.spec().taskDefinitionArn().equals(arn));
    }

    /** The task sets still described (EXTERNAL deployment controller), in creation order. */
    public List<TaskSet> taskSets() {
        return Collections.unmodifiableList(taskSets);
    }

    /** A task set by id or ARN. */
    public Optional<TaskSet> taskSet(String idOrArn) {
        return taskSets.stream().filter(t -> t.id().equals(idOrArn) || t.arn().equals(idOrArn)).findFirst();
    }

    void addTaskSet(TaskSet t) {
        taskSets.add(t);
    }

    void dropGoneTaskSets() {
        taskSets.removeIf(TaskSet::isGone);
    }

    /** The load balancers a task registers with: those of its deployment or task set. */
    List<ServiceConfig.LoadBalancerRef> loadBalancersOf(Task t) {
        String by = t.spec().startedBy().orElse("");
        return deployment(by).map(d -> d.config().loadBalancers())
                .or(() -> taskSet(by).map(ts -> ts.spec().loadBalancers())).orElse(config.loadBalancers());
    }

    /** The Cloud Map services a task registers in: those of its deployment or task set. */
    List<ServiceConfig.RegistryRef> registriesOf(Task t) {
        String by = t.spec().startedBy().orElse("");
        return deployment(by).map(d -> d.config().serviceRegistries())
                .or(() -> taskSet(by).map(ts -> ts.spec().serviceRegistries())).orElse(config.serviceRegistries());
    }

    public ServiceConfig config() {
        return config;
    }

    void configure(ServiceConfig next) {
        config = next;
    }

    public String status() {
        return status;
    }

    void status(String next) {
        status = next;
    }

    /** The group its tasks are in. */
    public String group() {
        return "service:" + name;
    }

    /** PRIMARY first. */
    public List<Deployment> deployments() {
        return Collections.unmodifiableList(deployments);
    }

    /** The PRIMARY deployment (ECS deployment controller only: EXTERNAL services have task sets instead). */
    public Deployment primary() {
        return deployments.get(0);
    }

    void deploy(Deployment d, Instant at) {
        deployments.forEach(old -> old.demote(at));
        deployments.add(0, d);
    }

    void retire(String deploymentId) {
        deployments.removeIf(d -> d.id().equals(deploymentId) && d != primary());
    }

    public Optional<Deployment> deployment(String id) {
        return deployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Newest first. */
    public List<ServiceEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Writes an event unless the same message was written less than six hours ago and its cause has held since
     * (it was reported again on every pass in between).
     */
    void event(ServiceEvent e) {
        Instant last = openConditions.get(e.message());
        if (last != null && e.createdAt().isBefore(last.plus(DUPLICATE_WINDOW))) {
            return;
        }
        openConditions.put(e.message(), e.createdAt());
        events.add(0, e);
        if (events.size() > MAX_EVENTS) {
            events.remove(events.size() - 1);
        }
    }

    /** Forgets the conditions not reported in the latest pass: they were resolved, so they may be written again. */
    void keepConditions(java.util.Collection<String> stillReported) {
        openConditions.keySet().retainAll(stillReported);
    }

    public boolean isSteady() {
        return steady;
    }

    /** The open conditions (message → when last written), for snapshots. */
    Map<String, Instant> openConditions() {
        return Collections.unmodifiableMap(openConditions);
    }

    /** Restoring a snapshot: what the service had gathered, on a service just built from its record. */
    void restoreHistory(List<Deployment> deploymentsPrimaryFirst, List<TaskSet> sets, List<ServiceEvent> newestFirst,
                        Map<String, Instant> conditions) {
        deployments.addAll(deploymentsPrimaryFirst);
        taskSets.addAll(sets);
        events.addAll(newestFirst);
        openConditions.putAll(conditions);
    }
}
