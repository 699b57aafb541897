package dev.ecsnet.api.appautoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.ConstraintErrors;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.JsonServiceHandler;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.TokenPage;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScaling;
import dev.ecsnet.domain.appautoscaling.ScalableTarget;
import dev.ecsnet.domain.appautoscaling.ScalingActivity;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Application Auto Scaling (JSON 1.1, {@code AnyScaleFrontendService}, 2016-02-06) for ECS services: scalable
 * targets, scaling policies, scheduled actions, scaling activities and tags. Other service namespaces are refused.
 */
public final class ApplicationAutoScalingHandler extends JsonServiceHandler {
    public static final ServiceSpec SPEC = ServiceSpec.json("application-autoscaling", "2016-02-06", "AnyScaleFrontendService");
    private static final List<String> NAMESPACES = List.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker",
            "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces");
    private static final List<String> DIMENSIONS = List.of("ecs:service:DesiredCount", "ec2:spot-fleet-request:TargetCapacity",
            "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity", "dynamodb:table:ReadCapacityUnits",
            "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits",
            "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property",
            "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits",
            "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits",
            "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes", "elasticache:replication-group:NodeGroups",
            "elasticache:replication-group:Replicas", "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency",
            "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions");
    private static final Pattern TARGET_ARN = Pattern.compile("arn:.+:application-autoscaling:.+:[0-9]+:scalable-target/[a-zA-Z0-9-]+");

    public ApplicationAutoScalingHandler() {
        super(SPEC);
        operations().register("RegisterScalableTarget", ApplicationAutoScalingHandler::registerScalableTarget)
                .register("DescribeScalableTargets", ApplicationAutoScalingHandler::describeScalableTargets)
                .register("DeregisterScalableTarget", ApplicationAutoScalingHandler::deregisterScalableTarget)
                .register("DescribeScalingActivities", ApplicationAutoScalingHandler::describeScalingActivities)
                .register("TagResource", ApplicationAutoScalingHandler::tagResource)
                .register("UntagResource", ApplicationAutoScalingHandler::untagResource)
                .register("ListTagsForResource", ApplicationAutoScalingHandler::listTagsForResource);
        AasPolicyOps.register(operations());
        AasScheduleOps.register(operations());
    }

    static ApplicationAutoScaling aas(Call call) {
        return call.state().applicationAutoScaling();
    }

    static String namespace(Params p) {
        String ns = p.required("ServiceNamespace");
        if (!NAMESPACES.contains(ns)) {
            throw ConstraintErrors.enumValue(VALIDATION, ns, "serviceNamespace", NAMESPACES);
        }
        return ns;
    }

    static Optional<String> dimension(Params p) {
        Optional<String> d = p.string("ScalableDimension");
        d.filter(v -> !DIMENSIONS.contains(v)).ifPresent(v -> {
            throw ConstraintErrors.enumValue(VALIDATION, v, "scalableDimension", DIMENSIONS);
        });
        return d;
    }

    static String requiredDimension(Params p) {
        return dimension(p).orElseThrow(() -> ConstraintErrors.missing(VALIDATION, "scalableDimension"));
    }

    static String resourceId(Params p) {
        return ConstraintErrors.length(VALIDATION, p.required("ResourceId"), "resourceId", 1, 1600);
    }

    /** The registered target a policy or scheduled action call names. */
    static ScalableTarget target(Call call) {
        Params p = call.params();
        return aas(call).target(namespace(p), resourceId(p), requiredDimension(p));
    }

    static <T> TokenPage<T> paged(Params p, List<T> all, int max) {
        return TokenPage.of(p, all, max, VALIDATION, () -> AwsError.badRequest("InvalidNextTokenException", "The next token supplied was invalid."));
    }

    /** The three members that identify a scalable target, as every output shape carries them. */
    static ObjectNode identity(String resourceId) {
        return Call.object().put("ServiceNamespace", ScalableTarget.NAMESPACE).put("ResourceId", resourceId)
                .put("ScalableDimension", ScalableTarget.DIMENSION);
    }

    private static ObjectNode registerScalableTarget(Call call) {
        Params p = call.params();
        Params suspended = p.child("SuspendedState");
        ScalableTarget t = aas(call).register(new ApplicationAutoScaling.RegisterRequest(namespace(p), resourceId(p), requiredDimension(p),
                p.integer("MinCapacity"), p.integer("MaxCapacity"), p.string("RoleARN"), suspended.bool("DynamicScalingInSuspended"),
                suspended.bool("DynamicScalingOutSuspended"), suspended.bool("ScheduledScalingSuspended"), p.stringMap("Tags")));
        return Call.object().put("ScalableTargetARN", t.arn());
    }

    private static ObjectNode renderTarget(ScalableTarget t) {
        ObjectNode o = identity(t.resourceId()).put("MinCapacity", t.minCapacity()).put("MaxCapacity", t.maxCapacity())
                .put("RoleARN", t.roleArn());
        JsonDocuments.time(o, "CreationTime", t.creationTime());
        o.putObject("SuspendedState").put("DynamicScalingInSuspended", t.suspendedState().dynamicScalingInSuspended())
                .put("DynamicScalingOutSuspended", t.suspendedState().dynamicScalingOutSuspended())
                .put("ScheduledScalingSuspended", t.suspendedState().scheduledScalingSuspended());
        return o.put("ScalableTargetARN", t.arn());
    }

    private static ObjectNode describeScalableTargets(Call call) {
        Params p = call.params();
        List<ScalableTarget> all = aas(call).targets(namespace(p), p.strings("ResourceIds"), dimension(p));
        return paged(p, all, 50).render("ScalableTargets", ApplicationAutoScalingHandler::renderTarget);
    }

    private static ObjectNode deregisterScalableTarget(Call call) {
        Params p = call.params();
        aas(call).deregister(namespace(p), resourceId(p), requiredDimension(p));
        return Call.object();
    }

    private static ObjectNode describeScalingActivities(Call call) {
        Params p = call.params();
        List<ScalingActivity> all = aas(call).activities(namespace(p), p.string("ResourceId"), dimension(p));
        return paged(p, all, 50).render("ScalingActivities", a -> {
            ObjectNode o = identity(a.resourceId()).put("ActivityId", a.activityId()).put("Description", a.description())
                    .put("Cause", a.cause());
            JsonDocuments.time(o, "StartTime", a.startTime());
            a.endTime().ifPresent(e -> JsonDocuments.time(o, "EndTime", e));
            return o.put("StatusCode", a.statusCode()).put("StatusMessage", a.statusMessage());
        });
    }

    private static String targetArn(Params p) {
        String arn = p.required("ResourceARN");
        if (!TARGET_ARN.matcher(arn).matches()) {
            throw ConstraintErrors.constraint(VALIDATION, arn, "resourceARN", "Member must satisfy regular expression pattern: "
                    + "^arn:.+:application-autoscaling:.+:[0-9]+:scalable-target\\/[a-zA-Z0-9-]+$");
        }
        return arn;
    }

    private static ObjectNode tagResource(Call call) {
        Params p = call.params();
        aas(call).tag(targetArn(p), p.stringMap("Tags"));
        return Call.object();
    }

    private static ObjectNode untagResource(Call call) {
        Params p = call.params();
        aas(call).untag(targetArn(p), p.strings("TagKeys"));
        return Call.object();
    }

    private static ObjectNode listTagsForResource(Call call) {
        ScalableTarget t = aas(call).byArn(targetArn(call.params()));
        ObjectNode out = Call.object();
        ObjectNode tags = out.putObject("Tags");
        t.tags().forEach(tags::put);
        return out;
    }
}
