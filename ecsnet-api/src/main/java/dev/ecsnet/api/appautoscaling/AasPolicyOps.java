package dev.ecsnet.api.appautoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.ConstraintErrors;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.appautoscaling.ScalableTarget;
import dev.ecsnet.domain.appautoscaling.ScalingPolicies;
import dev.ecsnet.domain.appautoscaling.ScalingPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.api.JsonServiceHandler.VALIDATION;
import static dev.ecsnet.api.appautoscaling.ApplicationAutoScalingHandler.aas;

/** PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy. */
final class AasPolicyOps {
    private AasPolicyOps() {
    }

    static void register(OperationTable operations) {
        operations.register("PutScalingPolicy", AasPolicyOps::putScalingPolicy)
                .register("DescribeScalingPolicies", AasPolicyOps::describeScalingPolicies)
                .register("DeleteScalingPolicy", AasPolicyOps::deleteScalingPolicy);
    }

    private static Optional<Map<String, Object>> document(Params p, String name) {
        return p.has(name) ? Optional.of(JsonDocuments.document(p.child(name).node())) : Optional.empty();
    }

    private static ObjectNode putScalingPolicy(Call call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        ScalableTarget target = ApplicationAutoScalingHandler.target(call);
        Optional<ScalingPolicy.StepScaling> step = p.has("StepScalingPolicyConfiguration")
                ? Optional.of(step(p.child("StepScalingPolicyConfiguration"))) : Optional.empty();
        Optional<ScalingPolicy.TargetTracking> tracking = p.has("TargetTrackingScalingPolicyConfiguration")
                ? Optional.of(tracking(p.child("TargetTrackingScalingPolicyConfiguration"))) : Optional.empty();
        ScalingPolicy policy = aas(call).policies().put(target, new ScalingPolicies.PutRequest(name,
                p.string("PolicyType").orElse(ScalingPolicy.STEP), step, tracking, document(p, "PredictiveScalingPolicyConfiguration")));
        ObjectNode out = Call.object().put("PolicyARN", policy.arn());
        if (!policy.alarms().isEmpty()) {
            out.set("Alarms", alarms(policy));
        }
        return out;
    }

    private static ScalingPolicy.StepScaling step(Params s) {
        List<ScalingPolicy.StepAdjustment> steps = s.list("StepAdjustments").stream()
                .map(a -> new ScalingPolicy.StepAdjustment(a.decimal("MetricIntervalLowerBound"), a.decimal("MetricIntervalUpperBound"),
                        a.integer("ScalingAdjustment").orElseThrow(() -> ConstraintErrors.missing(VALIDATION,
                                "scalingAdjustment")))).toList();
        return new ScalingPolicy.StepScaling(s.string("AdjustmentType"), steps, s.integer("MinAdjustmentMagnitude"), s.integer("Cooldown"),
                s.string("MetricAggregationType"));
    }

    private static ScalingPolicy.TargetTracking tracking(Params t) {
        double value = t.decimal("TargetValue").orElseThrow(() -> ConstraintErrors.missing(VALIDATION, "targetValue"));
        Optional<ScalingPolicy.PredefinedMetric> predefined = t.has("PredefinedMetricSpecification")
                ? Optional.of(new ScalingPolicy.PredefinedMetric(t.child("PredefinedMetricSpecification").required("PredefinedMetricType"),
                t.child("PredefinedMetricSpecification").string("ResourceLabel"))) : Optional.empty();
        return new ScalingPolicy.TargetTracking(value, predefined, document(t, "CustomizedMetricSpecification"), t.integer("ScaleOutCooldown"),
                t.integer("ScaleInCooldown"), t.bool("DisableScaleIn"));
    }

    private static ArrayNode alarms(ScalingPolicy policy) {
        ArrayNode a = Call.object().arrayNode();
        policy.alarms().forEach(al -> a.addObject().put("AlarmName", al.alarmName()).put("AlarmARN", al.alarmArn()));
        return a;
    }

    private static ObjectNode render(ScalingPolicy policy) {
        ObjectNode o = Call.object().put("PolicyARN", policy.arn()).put("PolicyName", policy.name());
        o.setAll(ApplicationAutoScalingHandler.identity(policy.resourceId()));
        o.put("PolicyType", policy.policyType());
        policy.stepScaling().ifPresent(s -> {
            ObjectNode c = o.putObject("StepScalingPolicyConfiguration");
            s.adjustmentType().ifPresent(v -> c.put("AdjustmentType", v));
            ArrayNode steps = c.putArray("StepAdjustments");
            for (ScalingPolicy.StepAdjustment a : s.stepAdjustments()) {
                ObjectNode step = steps.addObject();
                a.metricIntervalLowerBound().ifPresent(v -> step.put("MetricIntervalLowerBound", v));
                a.metricIntervalUpperBound().ifPresent(v -> step.put("MetricIntervalUpperBound", v));
                step.put("ScalingAdjustment", a.scalingAdjustment());
            }
            s.minAdjustmentMagnitude().ifPresent(v -> c.put("MinAdjustmentMagnitude", v));
            s.cooldown().ifPresent(v -> c.put("Cooldown", v));
            s.metricAggregationType().ifPresent(v -> c.put("MetricAggregationType", v));
        });
        policy.targetTracking().ifPresent(t -> {
            ObjectNode c = o.putObject("TargetTrackingScalingPolicyConfiguration").put("TargetValue", t.targetValue());
            t.predefined().ifPresent(m -> {
                ObjectNode spec = c.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", m.predefinedMetricType());
                m.resourceLabel().ifPresent(l -> spec.put("ResourceLabel", l));
            });
            t.customized().ifPresent(m -> c.set("CustomizedMetricSpecification", JsonDocuments.tree(m)));
            t.scaleOutCooldown().ifPresent(v -> c.put("ScaleOutCooldown", v));
            t.scaleInCooldown().ifPresent(v -> c.put("ScaleInCooldown", v));
            t.disableScaleIn().ifPresent(v -> c.put("DisableScaleIn", v));
        });
        policy.predictiveScaling().ifPresent(d -> o.set("PredictiveScalingPolicyConfiguration", JsonDocuments.tree(d)));
        o.set("Alarms", alarms(policy));
        JsonDocuments.time(o, "CreationTime", policy.creationTime());
        return o;
    }

    private static ObjectNode describeScalingPolicies(Call call) {
        Params p = call.params();
        List<ScalingPolicy> all = aas(call).policies().describe(ApplicationAutoScalingHandler.namespace(p), ApplicationAutoScalingHandler.dimension(p),
                p.string("ResourceId"), p.strings("PolicyNames"));
        return ApplicationAutoScalingHandler.paged(p, all, 10).render("ScalingPolicies", AasPolicyOps::render);
    }

    private static ObjectNode deleteScalingPolicy(Call call) {
        Params p = call.params();
        String name = p.required("PolicyName");
        aas(call).policies().delete(ApplicationAutoScalingHandler.namespace(p), ApplicationAutoScalingHandler.resourceId(p),
                ApplicationAutoScalingHandler.requiredDimension(p), name);
        return Call.object();
    }
}
