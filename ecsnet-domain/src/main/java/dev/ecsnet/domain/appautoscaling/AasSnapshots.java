package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.ActivityRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.AlarmRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.PolicyRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.PredefinedMetricRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.ScheduledActionRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.StepAdjustmentRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.StepScalingRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.TargetRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord.TargetTrackingRecord;
import dev.ecsnet.domain.ec2.DocumentValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Application Auto Scaling's state to and from its snapshot record (Optionals become nulls and back). */
final class AasSnapshots {
    private AasSnapshots() {
    }

    static ApplicationAutoScalingRecord export(Collection<ScalableTarget> targets, List<ScalingActivity> activities,
                                               Map<String, List<ScalingPolicy>> policies, Map<String, List<ScheduledAction>> actions,
                                               long generations) {
        List<TargetRecord> targetRecords = new ArrayList<>(targets.size());
        for (ScalableTarget t : targets) {
            SuspendedState s = t.suspendedState();
            targetRecords.add(new TargetRecord(t.resourceId(), t.cluster(), t.service(), t.arn(), t.creationTime(), t.minCapacity(),
                    t.maxCapacity(), t.roleArn(), s.dynamicScalingInSuspended(), s.dynamicScalingOutSuspended(),
                    s.scheduledScalingSuspended(), new LinkedHashMap<>(t.tags())));
        }
        List<ActivityRecord> activityRecords = activities.stream().map(a -> new ActivityRecord(a.activityId(), a.resourceId(),
                a.description(), a.cause(), a.startTime(), a.endTime().orElse(null), a.statusCode(), a.statusMessage())).toList();
        return new ApplicationAutoScalingRecord(targetRecords, activityRecords, map(policies, AasSnapshots::export),
                map(actions, AasSnapshots::export), generations);
    }

    private static <A, B> Map<String, List<B>> map(Map<String, List<A>> groups, Function<A, B> each) {
        Map<String, List<B>> out = new LinkedHashMap<>();
        groups.forEach((resourceId, items) -> out.put(resourceId, items.stream().map(each).toList()));
        return out;
    }

    private static PolicyRecord export(ScalingPolicy p) {
        StepScalingRecord step = p.stepScaling().map(s -> new StepScalingRecord(s.adjustmentType().orElse(null),
                s.stepAdjustments().stream().map(a -> new StepAdjustmentRecord(a.metricIntervalLowerBound().orElse(null),
                        a.metricIntervalUpperBound().orElse(null), a.scalingAdjustment())).toList(),
                s.minAdjustmentMagnitude().orElse(null), s.cooldown().orElse(null), s.metricAggregationType().orElse(null))).orElse(null);
        TargetTrackingRecord tracking = p.targetTracking().map(t -> new TargetTrackingRecord(t.targetValue(),
                t.predefined().map(m -> new PredefinedMetricRecord(m.predefinedMetricType(), m.resourceLabel().orElse(null))).orElse(null),
                t.customized().map(DocumentValue::ofDocument).orElse(null), t.scaleOutCooldown().orElse(null),
                t.scaleInCooldown().orElse(null), t.disableScaleIn().orElse(null))).orElse(null);
        return new PolicyRecord(p.name(), p.arn(), p.resourceId(), p.policyType(), step, tracking,
                p.predictiveScaling().map(DocumentValue::ofDocument).orElse(null),
                p.alarms().stream().map(a -> new AlarmRecord(a.alarmName(), a.alarmArn())).toList(), p.creationTime());
    }

    private static ScheduledActionRecord export(ScheduledAction a) {
        return new ScheduledActionRecord(a.name(), a.arn(), a.resourceId(), a.scheduleText(), a.timezone(), a.startTime().orElse(null),
                a.endTime().orElse(null), a.minCapacity().orElse(null), a.maxCapacity().orElse(null), a.creationTime(), a.anchor(),
                a.generation());
    }

    static List<ScalableTarget> targets(ApplicationAutoScalingRecord record) {
        List<ScalableTarget> out = new ArrayList<>();
        for (TargetRecord r : record.targets()) {
            ScalableTarget t = new ScalableTarget(r.resourceId(), r.cluster(), r.service(), r.arn(), r.creationTime(), r.minCapacity(),
                    r.maxCapacity(), r.roleArn(), new SuspendedState(r.dynamicScalingInSuspended(), r.dynamicScalingOutSuspended(),
                    r.scheduledScalingSuspended()));
            t.tag(r.tags());
            out.add(t);
        }
        return out;
    }

    static List<ScalingActivity> activities(ApplicationAutoScalingRecord record) {
        return record.activities().stream().map(a -> new ScalingActivity(a.activityId(), a.resourceId(), a.description(), a.cause(),
                a.startTime(), Optional.ofNullable(a.endTime()), a.statusCode(), a.statusMessage())).toList();
    }

    static Map<String, List<ScalingPolicy>> policies(ApplicationAutoScalingRecord record) {
        return map(record.policies(), AasSnapshots::policy);
    }

    private static ScalingPolicy policy(PolicyRecord r) {
        Optional<ScalingPolicy.StepScaling> step = Optional.ofNullable(r.stepScaling()).map(s -> new ScalingPolicy.StepScaling(
                Optional.ofNullable(s.adjustmentType()), s.stepAdjustments().stream().map(a -> new ScalingPolicy.StepAdjustment(
                Optional.ofNullable(a.metricIntervalLowerBound()), Optional.ofNullable(a.metricIntervalUpperBound()), a.scalingAdjustment()))
                .toList(), Optional.ofNullable(s.minAdjustmentMagnitude()), Optional.ofNullable(s.cooldown()),
                Optional.ofNullable(s.metricAggregationType())));
        Optional<ScalingPolicy.TargetTracking> tracking = Optional.ofNullable(r.targetTracking()).map(t -> new ScalingPolicy.TargetTracking(
                t.targetValue(), Optional.ofNullable(t.predefined()).map(m -> new ScalingPolicy.PredefinedMetric(m.predefinedMetricType(),
                Optional.ofNullable(m.resourceLabel()))), Optional.ofNullable(t.customized()).map(DocumentValue::document), Optional.ofNullable(t.scaleOutCooldown()),
                Optional.ofNullable(t.scaleInCooldown()), Optional.ofNullable(t.disableScaleIn())));
        return new ScalingPolicy(r.name(), r.arn(), r.resourceId(), r.policyType(), step, tracking,
                Optional.ofNullable(r.predictiveScaling()).map(DocumentValue::document),
                r.alarms().stream().map(a -> new ScalingPolicy.Alarm(a.alarmName(), a.alarmArn())).toList(), r.creationTime());
    }

    static Map<String, List<ScheduledAction>> scheduledActions(ApplicationAutoScalingRecord record) {
        return map(record.scheduledActions(), AasSnapshots::action);
    }

    private static ScheduledAction action(ScheduledActionRecord r) {
        Schedule schedule = Schedule.parse(r.schedule()).orElseThrow(() -> new IllegalArgumentException(
                "the recorded scheduled action " + r.name() + " of " + r.resourceId() + " has an invalid schedule: " + r.schedule()));
        return new ScheduledAction(r.name(), r.arn(), r.resourceId(), r.schedule(), schedule, r.timezone(), Optional.ofNullable(r.startTime()),
                Optional.ofNullable(r.endTime()), Optional.ofNullable(r.minCapacity()), Optional.ofNullable(r.maxCapacity()), r.creationTime(),
                r.anchor(), r.generation());
    }
}
