package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scaling policies of the region's scalable targets: PutScalingPolicy (create or replace by name),
 * DescribeScalingPolicies and DeleteScalingPolicy, with the checks AWS makes of each policy type.
 */
public final class ScalingPolicies {
    private static final List<String> ECS_METRICS = List.of("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization",
            "ALBRequestCountPerTarget");
    private static final List<String> ADJUSTMENT_TYPES = List.of("ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity");
    private static final List<String> AGGREGATIONS = List.of("Average", "Minimum", "Maximum");
    private static final Pattern ALB_LABEL = Pattern.compile("app/[^/]+/[0-9a-f]+/targetgroup/[^/]+/[0-9a-f]+");
    private static final Pattern NAME = Pattern.compile("\\p{Print}{1,256}");

    /** What PutScalingPolicy asks for; the configuration of the policy's type must be given. */
    public record PutRequest(String name, String policyType, Optional<ScalingPolicy.StepScaling> stepScaling,
                             Optional<ScalingPolicy.TargetTracking> targetTracking, Optional<Map<String, Object>> predictiveScaling) {
    }

    private final ApplicationAutoScaling owner;
    private final IdSource ids;
    private final Clock clock;
    private final PerTarget<ScalingPolicy> policies = new PerTarget<>(ScalingPolicy::name);

    ScalingPolicies(ApplicationAutoScaling owner, IdSource ids, Clock clock) {
        this.owner = owner;
        this.ids = ids;
        this.clock = clock;
    }

    public ScalingPolicy put(ScalableTarget target, PutRequest r) {
        if (!NAME.matcher(r.name()).matches()) {
            throw AasErrors.validation("1 validation error detected: Value '" + r.name() + "' at 'policyName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: \\p{Print}+");
        }
        switch (r.policyType()) {
            case ScalingPolicy.STEP -> checkStep(r);
            case ScalingPolicy.TARGET_TRACKING -> checkTracking(r);
            case ScalingPolicy.PREDICTIVE -> checkPredictive(r);
            default -> throw AasErrors.validation("1 validation error detected: Value '" + r.policyType() + "' at 'policyType' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [PredictiveScaling, StepScaling, TargetTrackingScaling]");
        }
        Optional<ScalingPolicy> existing = policies.get(target.resourceId(), r.name());
        String arn = existing.map(ScalingPolicy::arn).orElseGet(() -> "arn:aws:autoscaling:" + owner.key().region() + ":"
                + owner.key().accountId() + ":scalingPolicy:" + ids.uuid() + ":resource/ecs/" + target.resourceId() + ":policyName/" + r.name());
        List<ScalingPolicy.Alarm> alarms = r.policyType().equals(ScalingPolicy.TARGET_TRACKING)
                ? trackingAlarms(target, r.targetTracking().get(), existing.map(ScalingPolicy::alarms).orElse(List.of())) : List.of();
        ScalingPolicy p = new ScalingPolicy(r.name(), arn, target.resourceId(), r.policyType(),
                r.policyType().equals(ScalingPolicy.STEP) ? r.stepScaling() : Optional.empty(),
                r.policyType().equals(ScalingPolicy.TARGET_TRACKING) ? r.targetTracking() : Optional.empty(),
                r.policyType().equals(ScalingPolicy.PREDICTIVE) ? r.predictiveScaling() : Optional.empty(),
                alarms, existing.map(ScalingPolicy::creationTime).orElseGet(clock::now));
        policies.put(target.resourceId(), p);
        return p;
    }

    private static void checkStep(PutRequest r) {
        ScalingPolicy.StepScaling s = r.stepScaling().orElseThrow(() -> AasErrors.validation(
                "StepScalingPolicyConfiguration is required for a policy of type StepScaling."));
        String adjustment = s.adjustmentType().orElseThrow(() -> AasErrors.validation("AdjustmentType must be specified for a step scaling policy."));
        if (!ADJUSTMENT_TYPES.contains(adjustment)) {
            throw enumError(adjustment, "stepScalingPolicyConfiguration.adjustmentType", ADJUSTMENT_TYPES);
        }
        s.metricAggregationType().filter(a -> !AGGREGATIONS.contains(a)).ifPresent(a -> {
            throw enumError(a, "stepScalingPolicyConfiguration.metricAggregationType", AGGREGATIONS);
        });
        if (s.minAdjustmentMagnitude().isPresent() && !adjustment.equals("PercentChangeInCapacity")) {
            throw AasErrors.validation("MinAdjustmentMagnitude can only be specified with the PercentChangeInCapacity adjustment type.");
        }
        if (s.stepAdjustments().isEmpty()) {
            throw AasErrors.validation("At least one step adjustment must be specified for a step scaling policy.");
        }
        for (ScalingPolicy.StepAdjustment a : s.stepAdjustments()) {
            if (a.metricIntervalLowerBound().isEmpty() && a.metricIntervalUpperBound().isEmpty()
                    || a.metricIntervalLowerBound().isPresent() && a.metricIntervalUpperBound().isPresent()
                    && a.metricIntervalLowerBound().get() >= a.metricIntervalUpperBound().get()) {
                throw AasErrors.validation("Each step adjustment needs a lower or an upper bound, and a lower bound below its upper bound.");
            }
        }
        s.cooldown().filter(c -> c < 0).ifPresent(c -> {
            throw AasErrors.validation("Cooldown must be greater than or equal to 0.");
        });
    }

    private static void checkTracking(PutRequest r) {
        ScalingPolicy.TargetTracking t = r.targetTracking().orElseThrow(() -> AasErrors.validation(
                "TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling."));
        if (!(t.targetValue() >= 8.515920e-109 && t.targetValue() <= 1.174271e+108)) {
            throw AasErrors.validation("The target value must be between 8.515920e-109 and 1.174271e+108.");
        }
        if (t.predefined().isPresent() == t.customized().isPresent()) {
            throw AasErrors.validation("Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified.");
        }
        t.predefined().ifPresent(p -> {
            if (!ECS_METRICS.contains(p.predefinedMetricType())) {
                throw AasErrors.validation("The predefined metric type " + p.predefinedMetricType() + " is not valid for service namespace ecs; "
                        + "use one of " + ECS_METRICS + ".");
            }
            if (p.predefinedMetricType().equals("ALBRequestCountPerTarget")
                    && !p.resourceLabel().filter(l -> ALB_LABEL.matcher(l).matches()).isPresent()) {
                throw AasErrors.validation("ALBRequestCountPerTarget needs a ResourceLabel of the form "
                        + "app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>.");
            }
        });
        t.customized().ifPresent(c -> {
            boolean single = c.containsKey("MetricName") || c.containsKey("Namespace") || c.containsKey("Statistic");
            boolean math = c.containsKey("Metrics");
            if (single == math || single && !(c.containsKey("MetricName") && c.containsKey("Namespace") && c.containsKey("Statistic"))) {
                throw AasErrors.validation("A CustomizedMetricSpecification needs either MetricName, Namespace and Statistic, or Metrics.");
            }
        });
        if (t.scaleInCooldown().filter(c -> c < 0).isPresent() || t.scaleOutCooldown().filter(c -> c < 0).isPresent()) {
            throw AasErrors.validation("Cooldown must be greater than or equal to 0.");
        }
    }

    private static void checkPredictive(PutRequest r) {
        Map<String, Object> p = r.predictiveScaling().orElseThrow(() -> AasErrors.validation(
                "PredictiveScalingPolicyConfiguration is required for a policy of type PredictiveScaling."));
        if (!(p.get("MetricSpecifications") instanceof List<?> specs) || specs.isEmpty()) {
            throw AasErrors.validation("PredictiveScalingPolicyConfiguration needs at least one MetricSpecification.");
        }
    }

    private static dev.ecsnet.domain.common.DomainException enumError(String value, String member, List<String> values) {
        return AasErrors.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + values);
    }

    /** The alarms target tracking creates (AlarmHigh, and AlarmLow unless scale-in is disabled), keeping existing names. */
    private List<ScalingPolicy.Alarm> trackingAlarms(ScalableTarget target, ScalingPolicy.TargetTracking t, List<ScalingPolicy.Alarm> existing) {
        List<ScalingPolicy.Alarm> out = new ArrayList<>();
        out.add(alarm(target, "AlarmHigh", existing));
        if (!t.disableScaleIn().orElse(false)) {
            out.add(alarm(target, "AlarmLow", existing));
        }
        return out;
    }

    private ScalingPolicy.Alarm alarm(ScalableTarget target, String kind, List<ScalingPolicy.Alarm> existing) {
        String prefix = "TargetTracking-" + target.resourceId() + "-" + kind + "-";
        return existing.stream().filter(a -> a.alarmName().startsWith(prefix)).findFirst().orElseGet(() -> {
            String name = prefix + ids.uuid();
            return new ScalingPolicy.Alarm(name, "arn:aws:cloudwatch:" + owner.key().region() + ":" + owner.key().accountId() + ":alarm:" + name);
        });
    }

    /** DescribeScalingPolicies: the target's (or every target's) policies, optionally only those named. */
    public List<ScalingPolicy> describe(String namespace, Optional<String> dimension, Optional<String> resourceId, List<String> names) {
        return ApplicationAutoScaling.modelled(namespace, dimension) ? policies.list(resourceId, names) : List.of();
    }

    public void delete(String namespace, String resourceId, String dimension, String name) {
        ApplicationAutoScaling.ecsService(namespace, resourceId, dimension);
        if (!policies.remove(resourceId, name)) {
            throw AasErrors.notFound("scaling policy", resourceId, name);
        }
    }

    void removeAll(String resourceId) {
        policies.removeAll(resourceId);
    }

    Map<String, List<ScalingPolicy>> groups() {
        return policies.groups();
    }

    void restore(Map<String, List<ScalingPolicy>> groups) {
        policies.restore(groups);
    }
}
