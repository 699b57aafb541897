package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.ec2.DocumentValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Application Auto Scaling of one account in one region as plain data (see docs/design-state.md, "Snapshot
 * records"). Scaling policies and scheduled actions are grouped by their target's resource id in the order the
 * groups were first made (a group whose items were all deleted stays, keeping its place in describe order);
 * {@code generations} is the counter a pending scheduled-action timer's generation was drawn from.
 */
public record ApplicationAutoScalingRecord(List<TargetRecord> targets, List<ActivityRecord> activities,
                                           Map<String, List<PolicyRecord>> policies,
                                           Map<String, List<ScheduledActionRecord>> scheduledActions, long generations) {

    /** A scalable target, in registration order. */
    public record TargetRecord(String resourceId, String cluster, String service, String arn, Instant creationTime, int minCapacity,
                               int maxCapacity, String roleArn, boolean dynamicScalingInSuspended, boolean dynamicScalingOutSuspended,
                               boolean scheduledScalingSuspended, Map<String, String> tags) {
    }

    /** A scaling activity, newest first; {@code endTime} is null while it has none. */
    public record ActivityRecord(String activityId, String resourceId, String description, String cause, Instant startTime,
                                 Instant endTime, String statusCode, String statusMessage) {
    }

    /**
     * A scaling policy. Only the configuration of its type is set (the others are null); {@code predictiveScaling}
     * and a target tracking policy's {@code customized} metric are the client's documents as it wrote them, their
     * value types kept ({@link DocumentValue}).
     */
    public record PolicyRecord(String name, String arn, String resourceId, String policyType, StepScalingRecord stepScaling,
                               TargetTrackingRecord targetTracking, Map<String, DocumentValue> predictiveScaling, List<AlarmRecord> alarms,
                               Instant creationTime) {
    }

    public record AlarmRecord(String alarmName, String alarmArn) {
    }

    /** Members the client left out are null. */
    public record StepScalingRecord(String adjustmentType, List<StepAdjustmentRecord> stepAdjustments, Integer minAdjustmentMagnitude,
                                    Integer cooldown, String metricAggregationType) {
    }

    public record StepAdjustmentRecord(Double metricIntervalLowerBound, Double metricIntervalUpperBound, int scalingAdjustment) {
    }

    /** Exactly one of {@code predefined} and {@code customized} is set; members the client left out are null. */
    public record TargetTrackingRecord(double targetValue, PredefinedMetricRecord predefined, Map<String, DocumentValue> customized,
                                       Integer scaleOutCooldown, Integer scaleInCooldown, Boolean disableScaleIn) {
    }

    public record PredefinedMetricRecord(String predefinedMetricType, String resourceLabel) {
    }

    /**
     * A scheduled action: its schedule as written (read again on restore), the instant a rate schedule counts from
     * ({@code anchor}), and the generation its pending timer carries. Absent times and capacities are null.
     */
    public record ScheduledActionRecord(String name, String arn, String resourceId, String schedule, String timezone, Instant startTime,
                                        Instant endTime, Integer minCapacity, Integer maxCapacity, Instant creationTime, Instant anchor,
                                        long generation) {
    }
}
