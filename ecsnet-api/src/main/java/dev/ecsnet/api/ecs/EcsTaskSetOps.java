package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.TaskSet;
import dev.ecsnet.domain.ecs.TaskSets;
import dev.ecsnet.protocol.AwsError;

import java.util.List;

/** CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets, UpdateServicePrimaryTaskSet (EXTERNAL deployment controller). */
final class EcsTaskSetOps {
    private EcsTaskSetOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateTaskSet", EcsTaskSetOps::createTaskSet);
        t.register("UpdateTaskSet", EcsTaskSetOps::updateTaskSet);
        t.register("DeleteTaskSet", EcsTaskSetOps::deleteTaskSet);
        t.register("DescribeTaskSets", EcsTaskSetOps::describeTaskSets);
        t.register("UpdateServicePrimaryTaskSet", EcsTaskSetOps::updateServicePrimaryTaskSet);
    }

    /** {@code scale}: a percentage; without one, 0 (the task set runs nothing until it is scaled). */
    private static double scale(Params p, boolean required) {
        if (!p.has("scale")) {
            if (required) {
                throw AwsError.badRequest("InvalidParameterException", "scale can not be null or empty.");
            }
            return 0;
        }
        Params scale = p.child("scale");
        if (scale.string("unit").filter(u -> !u.equals("PERCENT")).isPresent()) {
            throw AwsError.badRequest("InvalidParameterException", "scale.unit must be PERCENT.");
        }
        try {
            return scale.string("value").map(Double::parseDouble).orElse(0.0);
        } catch (NumberFormatException e) {
            throw AwsError.badRequest("InvalidParameterException", "Invalid value for scale.value.");
        }
    }

    private static ObjectNode output(Call call, String cluster, String service, TaskSet ts) {
        Ecs ecs = call.state().ecs();
        var s = ecs.services().find(ecs.cluster(java.util.Optional.of(cluster)), service).orElseThrow();
        return Call.object().set("taskSet", EcsServiceRender.taskSet(ecs.services(), s, ts, true));
    }

    private static ObjectNode createTaskSet(Call call) {
        Params p = call.params();
        String cluster = p.required("cluster");
        String service = p.required("service");
        TaskSet.Spec spec = new TaskSet.Spec(p.required("taskDefinition"), p.string("launchType").filter(s -> !s.isEmpty()),
                EcsClusterOps.strategy(p, "capacityProviderStrategy"), p.string("platformVersion").filter(s -> !s.isEmpty()),
                EcsServiceOps.network(p), EcsServiceOps.loadBalancers(p), EcsServiceOps.registries(p),
                p.string("externalId").filter(s -> !s.isEmpty()));
        TaskSet ts = call.state().ecs().taskSets().createTaskSet(cluster, service, new TaskSets.CreateRequest(spec, scale(p, false),
                p.keyValues("tags", "key", "value"), p.string("clientToken").filter(s -> !s.isEmpty())));
        return output(call, cluster, service, ts);
    }

    private static ObjectNode updateTaskSet(Call call) {
        Params p = call.params();
        String cluster = p.required("cluster");
        String service = p.required("service");
        TaskSet ts = call.state().ecs().taskSets().updateTaskSet(cluster, service, p.required("taskSet"), scale(p, true));
        return output(call, cluster, service, ts);
    }

    private static ObjectNode deleteTaskSet(Call call) {
        Params p = call.params();
        String cluster = p.required("cluster");
        String service = p.required("service");
        TaskSet ts = call.state().ecs().taskSets().deleteTaskSet(cluster, service, p.required("taskSet"), p.bool("force").orElse(false));
        return output(call, cluster, service, ts);
    }

    private static ObjectNode updateServicePrimaryTaskSet(Call call) {
        Params p = call.params();
        String cluster = p.required("cluster");
        String service = p.required("service");
        TaskSet ts = call.state().ecs().taskSets().updateServicePrimaryTaskSet(cluster, service, p.required("primaryTaskSet"));
        return output(call, cluster, service, ts);
    }

    private static ObjectNode describeTaskSets(Call call) {
        Params p = call.params();
        List<String> include = p.strings("include");
        if (include.stream().anyMatch(i -> !i.equals("TAGS"))) {
            throw AwsError.badRequest("InvalidParameterException", "include must be TAGS.");
        }
        Ecs ecs = call.state().ecs();
        TaskSets.Described d = ecs.taskSets().describeTaskSets(p.required("cluster"), p.required("service"), p.strings("taskSets"));
        ObjectNode out = Call.object();
        ArrayNode sets = out.putArray("taskSets");
        d.taskSets().forEach(ts -> sets.add(EcsServiceRender.taskSet(ecs.services(), d.service(), ts, include.contains("TAGS"))));
        out.set("failures", EcsRender.failures(d.failures()));
        return out;
    }
}
