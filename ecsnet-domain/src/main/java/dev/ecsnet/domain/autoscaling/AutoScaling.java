package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.Network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * EC2 Auto Scaling for one account in one region: groups that launch instances from a launch template into their
 * subnets and keep their desired capacity, on the clock ({@link GroupController}). Every operation validates
 * completely before it changes anything. Besides the API operations, this is the domain API ECS capacity providers
 * drive: {@link #setDesiredCapacity}, {@link #setInstanceProtection}, {@link AutoScalingGroup#instances()} (with
 * their lifecycle states) and {@link #tag}. Used only on the engine thread.
 */
public final class AutoScaling {
    /** AWS's default quota of Auto Scaling groups per region. */
    public static final int MAX_GROUPS = 500;
    public static final String RESOURCE_TYPE = "auto-scaling-group";
    public static final Set<String> PROCESSES = Set.of("Launch", "Terminate", "AddToLoadBalancer", "AlarmNotification", "AZRebalance",
            "HealthCheck", "InstanceRefresh", "ReplaceUnhealthy", "ScheduledActions");

    /** A group and one of its instances (DescribeAutoScalingInstances). */
    public record Membership(AutoScalingGroup group, GroupInstance instance) {
    }

    /** A tag of a group, as CreateOrUpdateTags, DeleteTags and DescribeTags name it. */
    public record GroupTagRef(String groupName, String resourceType, GroupTag tag) {
    }

    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final Map<String, AutoScalingGroup> groups = new TreeMap<>();
    private final List<ScalingActivity> activities = new ArrayList<>();
    private final GroupRules rules;
    private final GroupController controller;

    public AutoScaling(AccountRegion key, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network,
                       Instances instances, LaunchTemplates templates) {
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.rules = new GroupRules(network, templates);
        this.controller = new GroupController(groups, activities, ids, clock, timers, AutoScalingTiming.of(timing), network, instances,
                templates, rules);
        instances.addListener(controller);
    }

    /** Every group, by name. */
    public Collection<AutoScalingGroup> groups() {
        return groups.values();
    }

    public Optional<AutoScalingGroup> find(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public AutoScalingGroup get(String name) {
        return find(name).orElseThrow(() -> GroupRules.invalid("AutoScalingGroup name not found - AutoScalingGroup '" + name + "' not found"));
    }

    /** A group that can still be changed: not being deleted. */
    private AutoScalingGroup live(String name) {
        AutoScalingGroup g = get(name);
        if (g.deleting()) {
            throw GroupRules.invalid("AutoScalingGroup name not found - AutoScalingGroup '" + name + "' is pending delete.");
        }
        return g;
    }

    public AutoScalingGroup createGroup(GroupRequest r) {
        if (r.name() == null || r.name().isEmpty() || r.name().length() > 255) {
            throw GroupRules.invalid("1 validation error detected: Value '" + r.name() + "' at 'autoScalingGroupName' failed to satisfy "
                    + "constraint: Member must have length between 1 and 255");
        }
        if (groups.containsKey(r.name())) {
            throw DomainException.conflict("AlreadyExists", "AutoScalingGroup by this name already exists - A group with the name "
                    + r.name() + " already exists");
        }
        if (r.minSize() == null || r.maxSize() == null) {
            throw GroupRules.invalid("1 validation error detected: Value null at '" + (r.minSize() == null ? "minSize" : "maxSize")
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (r.launchTemplate() == null) {
            throw GroupRules.invalid("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or "
                    + "MixedInstancesPolicy parameter.");
        }
        int desired = r.desiredCapacity() == null ? r.minSize() : r.desiredCapacity();
        GroupRules.sizes(r.minSize(), r.maxSize(), desired);
        GroupSettings settings = settings(r, null);
        List<GroupTag> tags = r.tags() == null ? List.of() : r.tags();
        GroupRules.tags(r.name(), tags, (int) tags.stream().map(GroupTag::key).distinct().count());
        if (groups.size() >= MAX_GROUPS) {
            throw DomainException.invalid("LimitExceeded", "You have reached the limit of " + MAX_GROUPS + " Auto Scaling groups in this Region.");
        }
        String arn = "arn:aws:autoscaling:" + key.region() + ":" + key.accountId() + ":autoScalingGroup:" + ids.uuid()
                + ":autoScalingGroupName/" + r.name();
        AutoScalingGroup g = new AutoScalingGroup(r.name(), arn, clock.now(), settings, r.minSize(), r.maxSize(), desired);
        tags.forEach(g::putTag);
        groups.put(g.name(), g);
        if (desired > 0) {
            g.pendingCause(ScalingCauses.created(clock.now(), 0, desired));
        }
        controller.requestReconcile(g);
        return g;
    }

    /**
     * UpdateAutoScalingGroup. As AWS documents: a new MinSize above the desired capacity raises it, a new MaxSize
     * below it lowers it, unless DesiredCapacity is given.
     */
    public AutoScalingGroup updateGroup(GroupRequest r) {
        AutoScalingGroup g = live(r.name());
        int min = r.minSize() == null ? g.minSize() : r.minSize();
        int max = r.maxSize() == null ? g.maxSize() : r.maxSize();
        int desired = g.desiredCapacity();
        if (r.desiredCapacity() != null) {
            desired = r.desiredCapacity();
        } else {
            if (r.minSize() != null && min > desired) {
                desired = min;
            }
            if (r.maxSize() != null && max < desired) {
                desired = max;
            }
        }
        GroupRules.sizes(min, max, desired);
        GroupSettings settings = settings(r, g.settings());
        int from = g.desiredCapacity();
        g.settings(settings);
        g.sizes(min, max, desired);
        if (desired != from) {
            g.pendingCause(ScalingCauses.updated(clock.now(), min, max, desired, from));
        }
        controller.requestReconcile(g);
        return g;
    }

    private GroupSettings settings(GroupRequest r, GroupSettings current) {
        LaunchTemplateSpec template = r.launchTemplate() == null ? current.launchTemplate() : rules.launchTemplate(r.launchTemplate());
        GroupRules.Placement placement;
        if (current != null && r.vpcZoneIdentifier() == null && r.availabilityZones() == null && r.availabilityZoneIds() == null) {
            placement = new GroupRules.Placement(current.subnetIds(), current.availabilityZones());
        } else {
            String subnets = r.vpcZoneIdentifier() != null || current == null ? r.vpcZoneIdentifier() : current.vpcZoneIdentifier().orElse(null);
            placement = rules.placement(subnets, r.availabilityZones(), r.availabilityZoneIds());
        }
        String healthCheck = r.healthCheckType() == null ? (current == null ? "EC2" : current.healthCheckType())
                : GroupRules.healthCheckType(r.healthCheckType());
        int grace = r.healthCheckGracePeriod() == null ? (current == null ? 0 : current.healthCheckGracePeriod())
                : GroupRules.nonNegative("healthCheckGracePeriod", r.healthCheckGracePeriod());
        int cooldown = r.defaultCooldown() == null ? (current == null ? 300 : current.defaultCooldown())
                : GroupRules.nonNegative("defaultCooldown", r.defaultCooldown());
        Integer warmup = current == null ? null : current.defaultInstanceWarmup();
        if (r.defaultInstanceWarmup() != null) {
            // -1 removes a warm-up set earlier (UpdateAutoScalingGroup API reference)
            warmup = r.defaultInstanceWarmup() == -1 ? null : GroupRules.nonNegative("defaultInstanceWarmup", r.defaultInstanceWarmup());
        }
        Map<String, Object> extras = new LinkedHashMap<>(current == null ? Map.of() : current.extras());
        GroupRules.extras(r.extras()).forEach((k, v) -> {
            if (isReset(k, v)) {
                extras.remove(k);
            } else {
                extras.put(k, v);
            }
        });
        return new GroupSettings(template, placement.subnetIds(), placement.zones(), healthCheck, grace, cooldown, warmup,
                orElse(r.newInstancesProtectedFromScaleIn(), current == null ? false : current.newInstancesProtectedFromScaleIn()),
                orElse(r.capacityRebalance(), current == null ? false : current.capacityRebalance()),
                r.terminationPolicies() == null ? (current == null ? List.of(ScalingDecision.DEFAULT) : current.terminationPolicies())
                        : GroupRules.terminationPolicies(r.terminationPolicies()),
                r.lifecycleHooks() == null ? (current == null ? List.of() : current.lifecycleHooks()) : GroupRules.lifecycleHooks(r.lifecycleHooks()),
                r.serviceLinkedRoleArn() != null ? r.serviceLinkedRoleArn() : current != null ? current.serviceLinkedRoleArn()
                        : "arn:aws:iam::" + key.accountId() + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                extras);
    }

    /** An InstanceMaintenancePolicy of -1 and -1 removes the policy (UpdateAutoScalingGroup API reference). */
    private static boolean isReset(String member, Object value) {
        return "InstanceMaintenancePolicy".equals(member) && value instanceof Map<?, ?> m
                && "-1".equals(String.valueOf(m.get("MinHealthyPercentage"))) && "-1".equals(String.valueOf(m.get("MaxHealthyPercentage")));
    }

    private static boolean orElse(Boolean given, boolean fallback) {
        return given == null ? fallback : given;
    }

    /**
     * DeleteAutoScalingGroup. Without {@code force} a group with instances is {@code ResourceInUse}; with it the
     * group's sizes go to 0, its instances (protected ones too) are terminated, and it shows {@code Delete in
     * progress} until the last one is gone.
     */
    public void deleteGroup(String name, boolean force) {
        AutoScalingGroup g = find(name).orElseThrow(() -> GroupRules.invalid("AutoScalingGroup name not found - AutoScalingGroup '"
                + name + "' not found"));
        String protection = g.settings().deletionProtection();
        if ("prevent-all-deletion".equals(protection) || force && "prevent-force-deletion".equals(protection)) {
            throw GroupRules.invalid("The Auto Scaling group " + name + " has deletion protection " + protection
                    + ". Change DeletionProtection with UpdateAutoScalingGroup to delete it.");
        }
        if (!g.instances().isEmpty() && !force) {
            throw DomainException.dependency("ResourceInUse", "You cannot delete an AutoScalingGroup while there are instances or pending Spot "
                    + "instance request(s) still in the group.");
        }
        if (g.deleting()) {
            return;
        }
        if (g.instances().isEmpty()) {
            groups.remove(name);
            return;
        }
        int from = g.desiredCapacity();
        g.markDeleting();
        g.sizes(0, 0, 0);
        String trigger = ScalingCauses.deleted(clock.now(), from);
        int n = g.capacity().size();
        for (GroupInstance m : new ArrayList<>(g.instances())) {
            if (m.lifecycle() != LifecycleState.TERMINATING) {
                controller.terminate(g, m, ScalingCauses.scaledIn(Optional.of(trigger), clock.now(), n, 0, m.instanceId()));
            }
        }
    }

    /** SetDesiredCapacity; with {@code honorCooldown}, refused while an activity runs or the cooldown lasts. */
    public void setDesiredCapacity(String name, int desired, boolean honorCooldown) {
        setDesiredCapacity(name, desired, honorCooldown, "a user request explicitly set group desired capacity");
    }

    /**
     * As SetDesiredCapacity, for another service that changes the group (ECS managed scaling): {@code trigger} is
     * what the activities' cause names, as in "At T {@code trigger} changing the desired capacity from A to B."
     */
    public void setDesiredCapacity(String name, int desired, boolean honorCooldown, String trigger) {
        AutoScalingGroup g = live(name);
        if (desired < g.minSize()) {
            throw GroupRules.invalid("New SetDesiredCapacity value " + desired + " is below min value " + g.minSize() + " for the AutoScalingGroup.");
        }
        if (desired > g.maxSize()) {
            throw GroupRules.invalid("New SetDesiredCapacity value " + desired + " is above max value " + g.maxSize() + " for the AutoScalingGroup.");
        }
        if (honorCooldown) {
            // the newest one in progress, the first DescribeScalingActivities lists
            Optional<ScalingActivity> running = activities(name, false, List.of()).stream().filter(a -> a.status().inProgress()).findFirst();
            if (running.isPresent()) {
                throw DomainException.conflict("ScalingActivityInProgress", "Scaling activity " + running.get().id()
                        + " is in progress and blocks this action");
            }
            if (clock.now().isBefore(g.cooldownUntil())) {
                throw DomainException.conflict("ScalingActivityInProgress", "The Auto Scaling group " + name
                        + " is in its cooldown period (DefaultCooldown " + g.settings().defaultCooldown() + " seconds).");
            }
        }
        int from = g.desiredCapacity();
        if (desired == from) {
            return;
        }
        g.sizes(g.minSize(), g.maxSize(), desired);
        g.pendingCause(ScalingCauses.desiredChanged(clock.now(), trigger, from, desired));
        controller.requestReconcile(g);
    }

    /** TerminateInstanceInAutoScalingGroup: the group replaces the instance unless {@code decrement}. */
    public ScalingActivity terminateInstance(String instanceId, boolean decrement) {
        AutoScalingGroup g = controller.groupOf(instanceId).orElseThrow(() -> GroupRules.invalid(
                "Instance Id not found - No managed instance found for instance ID: " + instanceId));
        GroupInstance m = g.instance(instanceId).orElseThrow();
        if (m.lifecycle() == LifecycleState.TERMINATING) {
            throw GroupRules.invalid("The instance " + instanceId + " is already terminating.");
        }
        if (decrement && g.desiredCapacity() <= g.minSize()) {
            throw GroupRules.invalid("Currently, desiredSize equals minSize (" + g.minSize() + "). Terminating instance without replacement will "
                    + "violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.");
        }
        int from = g.desiredCapacity();
        if (decrement) {
            g.sizes(g.minSize(), g.maxSize(), from - 1);
        }
        ScalingActivity a = controller.terminate(g, m, ScalingCauses.userTerminated(clock.now(), instanceId,
                decrement ? Optional.of(new int[]{from, from - 1}) : Optional.empty()));
        controller.requestReconcile(g);
        return a;
    }

    /** SetInstanceProtection: every instance must be in the group; at most 50 per call. */
    public void setInstanceProtection(String name, List<String> instanceIds, boolean protect) {
        AutoScalingGroup g = get(name);
        if (instanceIds.size() > 50) {
            throw DomainException.invalid("LimitExceeded", "You can set the protection of at most 50 instances in one call.");
        }
        List<GroupInstance> members = new ArrayList<>();
        for (String id : new LinkedHashSet<>(instanceIds)) {
            members.add(g.instance(id).orElseThrow(() -> GroupRules.invalid("The instance " + id + " is not part of Auto Scaling group " + name + ".")));
        }
        members.forEach(m -> m.protect(protect));
        if (!protect) {
            controller.requestReconcile(g);
        }
    }

    /** DescribeAutoScalingInstances: every instance of every group (empty {@code instanceIds}) or those asked for. */
    public List<Membership> memberships(List<String> instanceIds) {
        List<Membership> out = new ArrayList<>();
        for (AutoScalingGroup g : groups.values()) {
            g.instances().stream().filter(i -> instanceIds.isEmpty() || instanceIds.contains(i.instanceId()))
                    .forEach(i -> out.add(new Membership(g, i)));
        }
        return out;
    }

    /**
     * DescribeScalingActivities: in-progress activities first, then newest first. A group name must be a group's
     * (or, with {@code includeDeleted}, a deleted group's); unknown activity ids are ignored.
     */
    public List<ScalingActivity> activities(String groupName, boolean includeDeleted, List<String> activityIds) {
        if (groupName != null && !groups.containsKey(groupName)
                && (!includeDeleted || activities.stream().noneMatch(a -> a.groupName().equals(groupName)))) {
            throw GroupRules.invalid("AutoScalingGroup name not found - AutoScalingGroup " + groupName + " not found");
        }
        List<ScalingActivity> out = new ArrayList<>();
        for (int i = activities.size() - 1; i >= 0; i--) {
            ScalingActivity a = activities.get(i);
            AutoScalingGroup g = groups.get(a.groupName());
            boolean live = g != null && g.arn().equals(a.groupArn());
            if ((live || includeDeleted) && (groupName == null || a.groupName().equals(groupName))
                    && (activityIds.isEmpty() || activityIds.contains(a.id()))) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing((ScalingActivity a) -> !a.status().inProgress()));
        return out;
    }

    /** The tag a capacity provider puts on its group ({@code AmazonECSManaged}); as CreateOrUpdateTags for one tag. */
    public void tag(String groupName, String key, String value, boolean propagateAtLaunch) {
        createOrUpdateTags(List.of(new GroupTagRef(groupName, RESOURCE_TYPE, new GroupTag(key, value, propagateAtLaunch))));
    }

    public void createOrUpdateTags(List<GroupTagRef> tags) {
        Map<String, List<GroupTag>> byGroup = byGroup(tags);
        byGroup.forEach((name, list) -> {
            AutoScalingGroup g = groups.get(name);
            long added = list.stream().map(GroupTag::key).distinct().filter(k -> g.tag(k).isEmpty()).count();
            GroupRules.tags(name, list, g.tags().size() + (int) added);
        });
        byGroup.forEach((name, list) -> list.forEach(groups.get(name)::putTag));
    }

    public void deleteTags(List<GroupTagRef> tags) {
        byGroup(tags).forEach((name, list) -> list.forEach(t -> groups.get(name).removeTag(t.key())));
    }

    private Map<String, List<GroupTag>> byGroup(List<GroupTagRef> tags) {
        Map<String, List<GroupTag>> out = new LinkedHashMap<>();
        for (GroupTagRef ref : tags) {
            if (ref.resourceType() != null && !RESOURCE_TYPE.equals(ref.resourceType())) {
                throw GroupRules.invalid("Invalid resource type " + ref.resourceType() + ": only auto-scaling-group is supported.");
            }
            if (ref.groupName() == null || !groups.containsKey(ref.groupName())) {
                throw GroupRules.invalid("AutoScalingGroup not found - AutoScaling Group " + ref.groupName() + " not found");
            }
            out.computeIfAbsent(ref.groupName(), k -> new ArrayList<>()).add(ref.tag());
        }
        return out;
    }

    /** DescribeTags: every tag of every group, by group name then key. */
    public List<GroupTagRef> tags() {
        List<GroupTagRef> out = new ArrayList<>();
        for (AutoScalingGroup g : groups.values()) {
            g.tags().stream().sorted(Comparator.comparing(GroupTag::key)).forEach(t -> out.add(new GroupTagRef(g.name(), RESOURCE_TYPE, t)));
        }
        return out;
    }

    /** SuspendProcesses; no process names means all of them. */
    public void suspendProcesses(String name, List<String> processes) {
        AutoScalingGroup g = get(name);
        String reason = ScalingCauses.suspendedAt(clock.now());
        checkedProcesses(processes).forEach(p -> g.suspend(p, reason));
    }

    public void resumeProcesses(String name, List<String> processes) {
        AutoScalingGroup g = get(name);
        checkedProcesses(processes).forEach(g::resume);
        controller.requestReconcile(g);
    }

    private static List<String> checkedProcesses(List<String> processes) {
        for (String p : processes) {
            if (!PROCESSES.contains(p)) {
                throw GroupRules.invalid("Process " + p + " is not a valid scaling process. Valid processes are " + String.join(", ",
                        new java.util.TreeSet<>(PROCESSES)) + ".");
            }
        }
        return processes.isEmpty() ? new ArrayList<>(new java.util.TreeSet<>(PROCESSES)) : processes;
    }

    /** The groups, every activity and the state the pending timers rely on, as plain data. */
    public AutoScalingRecord export() {
        return AutoScalingSnapshots.export(groups, activities, controller);
    }

    /**
     * Replaces everything with the recorded state. The instances the groups name are EC2's, restored before; the
     * reconcile, retry and health-check timers the engine restores find their groups here by ARN.
     */
    public void restore(AutoScalingRecord record) {
        AutoScalingSnapshots.restore(record, groups, activities, controller);
    }
}
