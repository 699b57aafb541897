package dev.ecsnet.api.appautoscaling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.appautoscaling.ScalableTarget;
import dev.ecsnet.domain.appautoscaling.ScheduledAction;
import dev.ecsnet.domain.appautoscaling.ScheduledScaling;

import java.util.List;

import static dev.ecsnet.api.appautoscaling.ApplicationAutoScalingHandler.aas;

/** PutScheduledAction, DescribeScheduledActions and DeleteScheduledAction. */
final class AasScheduleOps {
    private AasScheduleOps() {
    }

    static void register(OperationTable operations) {
        operations.register("PutScheduledAction", AasScheduleOps::putScheduledAction)
                .register("DescribeScheduledActions", AasScheduleOps::describeScheduledActions)
                .register("DeleteScheduledAction", AasScheduleOps::deleteScheduledAction);
    }

    private static ObjectNode putScheduledAction(Call call) {
        Params p = call.params();
        String name = p.required("ScheduledActionName");
        ScalableTarget target = ApplicationAutoScalingHandler.target(call);
        Params action = p.child("ScalableTargetAction");
        aas(call).schedules().put(target, new ScheduledScaling.PutRequest(name, p.string("Schedule"), p.string("Timezone"),
                JsonDocuments.time(p, "StartTime"), JsonDocuments.time(p, "EndTime"), p.has("ScalableTargetAction"),
                action.integer("MinCapacity"), action.integer("MaxCapacity")));
        return Call.object();
    }

    private static ObjectNode render(ScheduledAction a) {
        ObjectNode o = Call.object().put("ScheduledActionName", a.name()).put("ScheduledActionARN", a.arn())
                .put("ServiceNamespace", ScalableTarget.NAMESPACE).put("Schedule", a.scheduleText()).put("Timezone", a.timezone())
                .put("ResourceId", a.resourceId()).put("ScalableDimension", ScalableTarget.DIMENSION);
        a.startTime().ifPresent(t -> JsonDocuments.time(o, "StartTime", t));
        a.endTime().ifPresent(t -> JsonDocuments.time(o, "EndTime", t));
        ObjectNode action = o.putObject("ScalableTargetAction");
        a.minCapacity().ifPresent(v -> action.put("MinCapacity", v));
        a.maxCapacity().ifPresent(v -> action.put("MaxCapacity", v));
        JsonDocuments.time(o, "CreationTime", a.creationTime());
        return o;
    }

    private static ObjectNode describeScheduledActions(Call call) {
        Params p = call.params();
        List<ScheduledAction> all = aas(call).schedules().describe(ApplicationAutoScalingHandler.namespace(p), ApplicationAutoScalingHandler.dimension(p),
                p.string("ResourceId"), p.strings("ScheduledActionNames"));
        return ApplicationAutoScalingHandler.paged(p, all, 50).render("ScheduledActions", AasScheduleOps::render);
    }

    private static ObjectNode deleteScheduledAction(Call call) {
        Params p = call.params();
        String name = p.required("ScheduledActionName");
        aas(call).schedules().delete(ApplicationAutoScalingHandler.namespace(p), ApplicationAutoScalingHandler.resourceId(p),
                ApplicationAutoScalingHandler.requiredDimension(p), name);
        return Call.object();
    }
}
