package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.ec2.DocumentValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AutoScaling}'s snapshot: its groups, activities and the controller's timer state to plain records and
 * back. Kept apart from the aggregate so that the operations read without it.
 */
final class AutoScalingSnapshots {
    private AutoScalingSnapshots() {
    }

    static AutoScalingRecord export(Map<String, AutoScalingGroup> groups, List<ScalingActivity> activities, GroupController controller) {
        List<AutoScalingRecord.GroupRecord> groupRecords = new ArrayList<>(groups.size());
        groups.values().forEach(g -> groupRecords.add(group(g)));
        List<AutoScalingRecord.ActivityRecord> activityRecords = new ArrayList<>(activities.size());
        for (ScalingActivity a : activities) {
            activityRecords.add(new AutoScalingRecord.ActivityRecord(a.id(), a.groupName(), a.groupArn(), a.instanceId().orElse(null),
                    a.description(), a.cause(), a.details(), a.startTime(), a.status(), a.progress(), a.statusMessage().orElse(null),
                    a.endTime().orElse(null)));
        }
        Map<String, Long> backOff = new LinkedHashMap<>();
        controller.retryBackOff().forEach((arn, wait) -> backOff.put(arn, wait.toMillis()));
        return new AutoScalingRecord(groupRecords, activityRecords, new ArrayList<>(controller.reconcilesPending()), backOff);
    }

    private static AutoScalingRecord.GroupRecord group(AutoScalingGroup g) {
        List<AutoScalingRecord.TagRecord> tags = new ArrayList<>();
        g.tags().forEach(t -> tags.add(new AutoScalingRecord.TagRecord(t.key(), t.value(), t.propagateAtLaunch())));
        List<AutoScalingRecord.InstanceRecord> members = new ArrayList<>();
        for (GroupInstance m : g.instances()) {
            members.add(new AutoScalingRecord.InstanceRecord(m.instanceId(), m.instanceType(), m.imageId(), m.availabilityZone(),
                    m.availabilityZoneId(), m.subnetId(), template(m.launchTemplateAsGiven()), m.templateVersion(), m.launchTime(),
                    m.lifecycle(), m.healthy(), m.protectedFromScaleIn()));
        }
        Instant cooldown = g.cooldownUntil().equals(Instant.MIN) ? null : g.cooldownUntil();
        return new AutoScalingRecord.GroupRecord(g.name(), g.arn(), g.createdTime(), settings(g.settings()), g.minSize(), g.maxSize(),
                g.desiredCapacity(), g.deleting(), g.pendingCause().orElse(null), cooldown, tags,
                new LinkedHashMap<>(g.suspendedProcesses()), members);
    }

    private static AutoScalingRecord.SettingsRecord settings(GroupSettings s) {
        List<AutoScalingRecord.LifecycleHookRecord> hooks = new ArrayList<>();
        for (LifecycleHookSpec h : s.lifecycleHooks()) {
            hooks.add(new AutoScalingRecord.LifecycleHookRecord(h.name(), h.transition(), h.notificationMetadata(), h.heartbeatTimeout(),
                    h.defaultResult(), h.notificationTargetArn(), h.roleArn()));
        }
        return new AutoScalingRecord.SettingsRecord(template(s.launchTemplate()), s.subnetIds(), s.availabilityZones(), s.healthCheckType(),
                s.healthCheckGracePeriod(), s.defaultCooldown(), s.defaultInstanceWarmup(), s.newInstancesProtectedFromScaleIn(),
                s.capacityRebalance(), s.terminationPolicies(), hooks, s.serviceLinkedRoleArn(), DocumentValue.ofDocument(s.extras()));
    }

    private static AutoScalingRecord.TemplateRecord template(LaunchTemplateSpec spec) {
        return new AutoScalingRecord.TemplateRecord(spec.id(), spec.name(), spec.version());
    }

    /** On a freshly built aggregate: the recorded groups, activities and timer state, as they were. */
    static void restore(AutoScalingRecord record, Map<String, AutoScalingGroup> groups, List<ScalingActivity> activities,
                        GroupController controller) {
        groups.clear();
        activities.clear();
        controller.reconcilesPending().clear();
        controller.retryBackOff().clear();
        for (AutoScalingRecord.GroupRecord r : record.groups()) {
            AutoScalingGroup g = new AutoScalingGroup(r.name(), r.arn(), r.createdTime(), settings(r.settings()), r.minSize(), r.maxSize(),
                    r.desiredCapacity());
            if (r.deleting()) {
                g.markDeleting();
            }
            g.pendingCause(r.pendingCause());
            g.cooldownUntil(r.cooldownUntil() == null ? Instant.MIN : r.cooldownUntil());
            r.tags().forEach(t -> g.putTag(new GroupTag(t.key(), t.value(), t.propagateAtLaunch())));
            r.suspendedProcesses().forEach(g::suspend);
            for (AutoScalingRecord.InstanceRecord i : r.instances()) {
                GroupInstance m = new GroupInstance(i.instanceId(), i.instanceType(), i.imageId(), i.availabilityZone(),
                        i.availabilityZoneId(), i.subnetId(), template(i.launchTemplate()), i.templateVersion(), i.launchTime(),
                        i.protectedFromScaleIn());
                if (i.lifecycle() != LifecycleState.PENDING) {
                    m.moveTo(i.lifecycle());
                }
                if (!i.healthy()) {
                    m.markUnhealthy();
                }
                g.add(m);
            }
            groups.put(g.name(), g);
        }
        for (AutoScalingRecord.ActivityRecord a : record.activities()) {
            activities.add(ScalingActivity.restored(a.id(), a.groupName(), a.groupArn(), a.instanceId(), a.description(), a.cause(),
                    a.details(), a.startTime(), a.status(), a.progress(), a.statusMessage(), a.endTime()));
        }
        controller.reconcilesPending().addAll(record.reconcilesPending());
        record.retryBackOffMillis().forEach((arn, millis) -> controller.retryBackOff().put(arn, Duration.ofMillis(millis)));
    }

    private static GroupSettings settings(AutoScalingRecord.SettingsRecord r) {
        List<LifecycleHookSpec> hooks = new ArrayList<>();
        for (AutoScalingRecord.LifecycleHookRecord h : r.lifecycleHooks()) {
            hooks.add(new LifecycleHookSpec(h.name(), h.transition(), h.notificationMetadata(), h.heartbeatTimeout(), h.defaultResult(),
                    h.notificationTargetArn(), h.roleArn()));
        }
        return new GroupSettings(template(r.launchTemplate()), r.subnetIds(), r.availabilityZones(), r.healthCheckType(),
                r.healthCheckGracePeriod(), r.defaultCooldown(), r.defaultInstanceWarmup(), r.newInstancesProtectedFromScaleIn(),
                r.capacityRebalance(), r.terminationPolicies(), hooks, r.serviceLinkedRoleArn(), DocumentValue.document(r.extras()));
    }

    private static LaunchTemplateSpec template(AutoScalingRecord.TemplateRecord r) {
        return new LaunchTemplateSpec(r.id(), r.name(), r.version());
    }
}
