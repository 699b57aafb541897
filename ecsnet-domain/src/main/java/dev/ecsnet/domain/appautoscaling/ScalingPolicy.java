package dev.ecsnet.domain.appautoscaling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scaling policy of a scalable target, stored and described as AWS stores it. ecsnet has no CloudWatch metrics,
 * so no policy ever triggers; target tracking policies still get the alarms AWS creates for them, by AWS's names.
 */
public record ScalingPolicy(String name, String arn, String resourceId, String policyType, Optional<StepScaling> stepScaling,
                            Optional<TargetTracking> targetTracking, Optional<Map<String, Object>> predictiveScaling,
                            List<Alarm> alarms, Instant creationTime) {
    public static final String STEP = "StepScaling";
    public static final String TARGET_TRACKING = "TargetTrackingScaling";
    public static final String PREDICTIVE = "PredictiveScaling";

    public ScalingPolicy {
        alarms = List.copyOf(alarms);
    }

    public record Alarm(String alarmName, String alarmArn) {
    }

    public record StepAdjustment(Optional<Double> metricIntervalLowerBound, Optional<Double> metricIntervalUpperBound, int scalingAdjustment) {
    }

    public record StepScaling(Optional<String> adjustmentType, List<StepAdjustment> stepAdjustments, Optional<Integer> minAdjustmentMagnitude,
                              Optional<Integer> cooldown, Optional<String> metricAggregationType) {
        public StepScaling {
            stepAdjustments = List.copyOf(stepAdjustments);
        }
    }

    public record PredefinedMetric(String predefinedMetricType, Optional<String> resourceLabel) {
    }

    /** {@code customized} is the CustomizedMetricSpecification as the client wrote it. */
    public record TargetTracking(double targetValue, Optional<PredefinedMetric> predefined, Optional<Map<String, Object>> customized,
                                 Optional<Integer> scaleOutCooldown, Optional<Integer> scaleInCooldown, Optional<Boolean> disableScaleIn) {
        public TargetTracking {
            customized = customized.map(c -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(c)));
        }
    }
}
