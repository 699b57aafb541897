package dev.ecsnet.domain.autoscaling;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Auto Scaling group: its settings ({@link GroupSettings}), tags, suspended processes and instances. The
 * capacity fields and the instances change through {@link AutoScaling} and {@link GroupController}; everything
 * else is replaced whole by UpdateAutoScalingGroup. Used only on the engine thread.
 */
public final class AutoScalingGroup {
    /** The group's {@code Status} while DeleteAutoScalingGroup waits for its instances to terminate. */
    public static final String DELETE_IN_PROGRESS = "Delete in progress";

    private final String name;
    private final String arn;
    private final Instant createdTime;
    private final Map<String, GroupTag> tags = new LinkedHashMap<>();
    private final Map<String, String> suspendedProcesses = new LinkedHashMap<>();
    private final Map<String, GroupInstance> instances = new LinkedHashMap<>();
    private GroupSettings settings;
    private int minSize;
    private int maxSize;
    private int desiredCapacity;
    private boolean deleting;
    private String pendingCause;
    private Instant cooldownUntil = Instant.MIN;

    AutoScalingGroup(String name, String arn, Instant createdTime, GroupSettings settings, int minSize, int maxSize, int desiredCapacity) {
        this.name = name;
        this.arn = arn;
        this.createdTime = createdTime;
        this.settings = settings;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.desiredCapacity = desiredCapacity;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public GroupSettings settings() {
        return settings;
    }

    public int minSize() {
        return minSize;
    }

    public int maxSize() {
        return maxSize;
    }

    public int desiredCapacity() {
        return desiredCapacity;
    }

    /** {@code Delete in progress} while the group is being deleted. */
    public Optional<String> status() {
        return deleting ? Optional.of(DELETE_IN_PROGRESS) : Optional.empty();
    }

    public boolean deleting() {
        return deleting;
    }

    /** Tags by key, in the order they were first set. */
    public Collection<GroupTag> tags() {
        return tags.values();
    }

    /** Suspended process names with their {@code SuspensionReason}. */
    public Map<String, String> suspendedProcesses() {
        return java.util.Collections.unmodifiableMap(suspendedProcesses);
    }

    public boolean suspended(String process) {
        return suspendedProcesses.containsKey(process);
    }

    /** The instances of the group, Terminating ones included, in launch order. */
    public Collection<GroupInstance> instances() {
        return instances.values();
    }

    public Optional<GroupInstance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    /** Pending and InService instances: what counts toward desired capacity. */
    public List<GroupInstance> capacity() {
        return instances.values().stream().filter(i -> i.lifecycle().countsTowardCapacity()).toList();
    }

    Instant cooldownUntil() {
        return cooldownUntil;
    }

    void cooldownUntil(Instant until) {
        cooldownUntil = until;
    }

    void settings(GroupSettings next) {
        settings = next;
    }

    void sizes(int min, int max, int desired) {
        minSize = min;
        maxSize = max;
        desiredCapacity = desired;
    }

    void markDeleting() {
        deleting = true;
    }

    /** The first sentence of the next activities' cause ("At … a user request … changing the desired capacity …"). */
    Optional<String> takePendingCause() {
        Optional<String> c = Optional.ofNullable(pendingCause);
        pendingCause = null;
        return c;
    }

    /** The pending cause without taking it, for a snapshot. */
    Optional<String> pendingCause() {
        return Optional.ofNullable(pendingCause);
    }

    void pendingCause(String cause) {
        pendingCause = cause;
    }

    void putTag(GroupTag tag) {
        tags.put(tag.key(), tag);
    }

    void removeTag(String key) {
        tags.remove(key);
    }

    Optional<GroupTag> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    void suspend(String process, String reason) {
        suspendedProcesses.putIfAbsent(process, reason);
    }

    void resume(String process) {
        suspendedProcesses.remove(process);
    }

    void add(GroupInstance instance) {
        instances.put(instance.instanceId(), instance);
    }

    void remove(String instanceId) {
        instances.remove(instanceId);
    }
}
