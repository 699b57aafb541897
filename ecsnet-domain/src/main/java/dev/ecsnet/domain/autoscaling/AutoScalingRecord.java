package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.ec2.DocumentValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * EC2 Auto Scaling of one account in one region, as plain data (see docs/design-state.md, "Snapshot records"): the
 * groups by name, every scaling activity in the order it started (those of deleted groups too, which
 * DescribeScalingActivities answers with {@code IncludeDeletedGroups}), and what the pending timers rely on:
 * {@code reconcilesPending}, the ARNs of groups with a reconcile armed (requests meanwhile are merged into it), and
 * {@code retryBackOffMillis}, by group ARN, the wait before the next launch retry after the one armed.
 */
public record AutoScalingRecord(List<GroupRecord> groups, List<ActivityRecord> activities, List<String> reconcilesPending,
                                Map<String, Long> retryBackOffMillis) {

    /**
     * One group. {@code pendingCause} is the first sentence of its next activities' cause, null when none;
     * {@code cooldownUntil} null when no instance has entered or left it yet; tags and suspended processes (name to
     * reason) keep the order they were set in, instances their launch order.
     */
    public record GroupRecord(String name, String arn, Instant createdTime, SettingsRecord settings, int minSize, int maxSize,
                              int desiredCapacity, boolean deleting, String pendingCause, Instant cooldownUntil, List<TagRecord> tags,
                              Map<String, String> suspendedProcesses, List<InstanceRecord> instances) {
    }

    /** What UpdateAutoScalingGroup replaces; {@code defaultInstanceWarmup} null when unset; extras as the client gave them. */
    public record SettingsRecord(TemplateRecord launchTemplate, List<String> subnetIds, List<String> availabilityZones,
                                 String healthCheckType, int healthCheckGracePeriod, int defaultCooldown, Integer defaultInstanceWarmup,
                                 boolean newInstancesProtectedFromScaleIn, boolean capacityRebalance, List<String> terminationPolicies,
                                 List<LifecycleHookRecord> lifecycleHooks, String serviceLinkedRoleArn, Map<String, DocumentValue> extras) {
    }

    /** A launch template by id and name, with the version as the group was given it ({@code $Latest}, {@code $Default} or a number). */
    public record TemplateRecord(String id, String name, String version) {
    }

    public record LifecycleHookRecord(String name, String transition, String notificationMetadata, int heartbeatTimeout,
                                      String defaultResult, String notificationTargetArn, String roleArn) {
    }

    public record TagRecord(String key, String value, boolean propagateAtLaunch) {
    }

    /** An instance as its group sees it; {@code launchTemplate} is the group's at launch, {@code templateVersion} the number it resolved to. */
    public record InstanceRecord(String instanceId, String instanceType, String imageId, String availabilityZone, String availabilityZoneId,
                                 String subnetId, TemplateRecord launchTemplate, long templateVersion, Instant launchTime,
                                 LifecycleState lifecycle, boolean healthy, boolean protectedFromScaleIn) {
    }

    /** One activity; {@code instanceId}, {@code statusMessage} and {@code endTime} are null when absent. */
    public record ActivityRecord(String id, String groupName, String groupArn, String instanceId, String description, String cause,
                                 String details, Instant startTime, ActivityStatus status, int progress, String statusMessage,
                                 Instant endTime) {
    }
}
