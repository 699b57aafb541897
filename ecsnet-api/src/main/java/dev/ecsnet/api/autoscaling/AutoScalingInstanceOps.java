package dev.ecsnet.api.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.autoscaling.AutoScaling;
import dev.ecsnet.domain.autoscaling.AutoScalingGroup;
import dev.ecsnet.domain.autoscaling.LifecycleHookSpec;
import dev.ecsnet.domain.autoscaling.ScalingActivity;
import dev.ecsnet.protocol.AwsError;

import java.util.List;

/**
 * DescribeAutoScalingInstances, SetDesiredCapacity, TerminateInstanceInAutoScalingGroup, SetInstanceProtection,
 * DescribeScalingActivities, SuspendProcesses, ResumeProcesses, DescribeLifecycleHooks.
 */
final class AutoScalingInstanceOps {
    private AutoScalingInstanceOps() {
    }

    static void register(OperationTable t) {
        t.register("DescribeAutoScalingInstances", AutoScalingInstanceOps::describeAutoScalingInstances);
        t.register("SetDesiredCapacity", AutoScalingInstanceOps::setDesiredCapacity);
        t.register("TerminateInstanceInAutoScalingGroup", AutoScalingInstanceOps::terminateInstanceInAutoScalingGroup);
        t.register("SetInstanceProtection", AutoScalingInstanceOps::setInstanceProtection);
        t.register("DescribeScalingActivities", AutoScalingInstanceOps::describeScalingActivities);
        t.register("SuspendProcesses", c -> processes(c, true));
        t.register("ResumeProcesses", c -> processes(c, false));
        t.register("DescribeLifecycleHooks", AutoScalingInstanceOps::describeLifecycleHooks);
    }

    private static ObjectNode describeAutoScalingInstances(Call call) {
        Params p = call.params();
        List<String> ids = atMost50(p, "InstanceIds");
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("AutoScalingInstances");
        for (AutoScaling.Membership m : AutoScalingHandler.page(p, AutoScalingHandler.autoScaling(call).memberships(ids), 50, 50, out)) {
            ObjectNode o = AutoScalingGroupOps.instance(m.instance(), true);
            o.put("AutoScalingGroupName", m.group().name());
            list.add(o);
        }
        return out;
    }

    /** A list member the model limits to 50 items. */
    private static List<String> atMost50(Params p, String member) {
        List<String> values = AutoScalingHandler.strings(p, member);
        if (values.size() > 50) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value at '" + Character.toLowerCase(member.charAt(0))
                    + member.substring(1) + "' failed to satisfy constraint: Member must have length less than or equal to 50");
        }
        return values;
    }

    private static ObjectNode setDesiredCapacity(Call call) {
        Params p = call.params();
        int desired = p.integer("DesiredCapacity").orElseThrow(() -> AutoScalingHandler.missing("DesiredCapacity"));
        AutoScalingHandler.autoScaling(call).setDesiredCapacity(p.required("AutoScalingGroupName"), desired,
                p.bool("HonorCooldown").orElse(false));
        return Call.object();
    }

    private static ObjectNode terminateInstanceInAutoScalingGroup(Call call) {
        Params p = call.params();
        boolean decrement = p.bool("ShouldDecrementDesiredCapacity").orElseThrow(() -> AutoScalingHandler.missing("ShouldDecrementDesiredCapacity"));
        ScalingActivity a = AutoScalingHandler.autoScaling(call).terminateInstance(p.required("InstanceId"), decrement);
        ObjectNode out = Call.object();
        out.set("Activity", activity(a));
        return out;
    }

    private static ObjectNode setInstanceProtection(Call call) {
        Params p = call.params();
        List<String> ids = AutoScalingHandler.strings(p, "InstanceIds");
        if (ids.isEmpty()) {
            throw AutoScalingHandler.missing("InstanceIds");
        }
        boolean protect = p.bool("ProtectedFromScaleIn").orElseThrow(() -> AutoScalingHandler.missing("ProtectedFromScaleIn"));
        AutoScalingHandler.autoScaling(call).setInstanceProtection(p.required("AutoScalingGroupName"), ids, protect);
        return Call.object();
    }

    private static ObjectNode describeScalingActivities(Call call) {
        Params p = call.params();
        List<String> ids = atMost50(p, "ActivityIds");
        List<ScalingActivity> activities = AutoScalingHandler.autoScaling(call).activities(
                p.string("AutoScalingGroupName").filter(s -> !s.isEmpty()).orElse(null), p.bool("IncludeDeletedGroups").orElse(false), ids);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Activities");
        AutoScalingHandler.page(p, activities, 100, 100, out).forEach(a -> list.add(activity(a)));
        return out;
    }

    static ObjectNode activity(ScalingActivity a) {
        ObjectNode o = Call.object().put("ActivityId", a.id()).put("AutoScalingGroupName", a.groupName()).put("Description", a.description())
                .put("Cause", a.cause()).put("StartTime", AutoScalingHandler.time(a.startTime()));
        a.endTime().ifPresent(t -> o.put("EndTime", AutoScalingHandler.time(t)));
        o.put("StatusCode", a.status().wireName());
        a.statusMessage().ifPresent(m -> o.put("StatusMessage", m));
        o.put("Progress", a.progress()).put("Details", a.details()).put("AutoScalingGroupARN", a.groupArn());
        return o;
    }

    private static ObjectNode processes(Call call, boolean suspend) {
        Params p = call.params();
        String name = p.required("AutoScalingGroupName");
        List<String> processes = AutoScalingHandler.strings(p, "ScalingProcesses");
        if (suspend) {
            AutoScalingHandler.autoScaling(call).suspendProcesses(name, processes);
        } else {
            AutoScalingHandler.autoScaling(call).resumeProcesses(name, processes);
        }
        return Call.object();
    }

    /** The hooks given at creation, which ecsnet stores but does not run. */
    private static ObjectNode describeLifecycleHooks(Call call) {
        Params p = call.params();
        AutoScalingGroup g = AutoScalingHandler.autoScaling(call).get(p.required("AutoScalingGroupName"));
        List<String> names = AutoScalingHandler.strings(p, "LifecycleHookNames");
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("LifecycleHooks");
        for (LifecycleHookSpec h : g.settings().lifecycleHooks()) {
            if (!names.isEmpty() && !names.contains(h.name())) {
                continue;
            }
            ObjectNode o = list.addObject().put("LifecycleHookName", h.name()).put("AutoScalingGroupName", g.name())
                    .put("LifecycleTransition", h.transition());
            if (h.notificationTargetArn() != null) {
                o.put("NotificationTargetARN", h.notificationTargetArn());
            }
            if (h.roleArn() != null) {
                o.put("RoleARN", h.roleArn());
            }
            if (h.notificationMetadata() != null) {
                o.put("NotificationMetadata", h.notificationMetadata());
            }
            // GlobalTimeout: 100 times the heartbeat timeout or 48 hours, whichever is smaller (PutLifecycleHook API reference)
            o.put("HeartbeatTimeout", h.heartbeatTimeout()).put("GlobalTimeout", Math.min(100 * h.heartbeatTimeout(), 172_800))
                    .put("DefaultResult", h.defaultResult());
        }
        return out;
    }
}
