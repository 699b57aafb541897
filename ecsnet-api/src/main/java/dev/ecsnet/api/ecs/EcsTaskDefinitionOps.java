package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.TaskDefinition;
import dev.ecsnet.domain.ecs.TaskDefinitions;
import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
 * DeregisterTaskDefinition, DeleteTaskDefinitions.
 */
final class EcsTaskDefinitionOps {

    private EcsTaskDefinitionOps() {
    }

    static void register(OperationTable t) {
        t.register("RegisterTaskDefinition", EcsTaskDefinitionOps::registerTaskDefinition);
        t.registerRead("DescribeTaskDefinition", EcsTaskDefinitionOps::describeTaskDefinition);
        t.registerRead("ListTaskDefinitions", EcsTaskDefinitionOps::listTaskDefinitions);
        t.register("ListTaskDefinitionFamilies", EcsTaskDefinitionOps::listTaskDefinitionFamilies);
        t.register("DeregisterTaskDefinition", EcsTaskDefinitionOps::deregisterTaskDefinition);
        t.register("DeleteTaskDefinitions", EcsTaskDefinitionOps::deleteTaskDefinitions);
    }

    private static TaskDefinitions definitions(Call call) {
        return call.state().ecs().taskDefinitions();
    }

    /** The whole request document goes to the domain as plain maps, so every member the client sent round-trips. */
    private static ObjectNode registerTaskDefinition(Call call) {
        Params p = call.params();
        p.required("family");
        if (p.list("containerDefinitions").isEmpty()) {
            throw AwsError.badRequest("ClientException", "Container list cannot be empty.");
        }
        Map<String, String> tags = p.keyValues("tags", "key", "value");
        Map<String, Object> document = EcsRender.document(p.node());
        TaskDefinition td = definitions(call).register(document, tags);
        ObjectNode out = Call.object();
        out.set("taskDefinition", EcsRender.taskDefinition(td));
        out.set("tags", EcsRender.tags(td.tags()));
        return out;
    }

    private static ObjectNode describeTaskDefinition(Call call) {
        Params p = call.params();
        TaskDefinition td = definitions(call).describe(p.required("taskDefinition"));
        ObjectNode out = Call.object();
        out.set("taskDefinition", EcsRender.taskDefinition(td));
        if (p.strings("include").contains("TAGS")) {
            out.set("tags", EcsRender.tags(td.tags()));
        }
        return out;
    }

    private static ObjectNode listTaskDefinitions(Call call) {
        Params p = call.params();
        String status = p.string("status").orElse(TaskDefinition.ACTIVE);
        if (!status.equals("ACTIVE") && !status.equals("INACTIVE") && !status.equals("DELETE_IN_PROGRESS")) {
            throw AwsError.badRequest("InvalidParameterException", "status must be ACTIVE, INACTIVE or DELETE_IN_PROGRESS.");
        }
        String sort = p.string("sort").orElse("ASC");
        if (!sort.equals("ASC") && !sort.equals("DESC")) {
            throw AwsError.badRequest("InvalidParameterException", "sort must be ASC or DESC.");
        }
        Optional<String> family = familyFilter(p);
        List<String> arns = definitions(call).list(family, status, sort.equals("DESC")).stream().map(TaskDefinition::arn).toList();
        ObjectNode out = Call.object();
        EcsPages.page(arns, p, 100, out, "taskDefinitionArns");
        return out;
    }

    private static ObjectNode listTaskDefinitionFamilies(Call call) {
        Params p = call.params();
        String status = p.string("status").orElse("ALL");
        if (!status.equals("ACTIVE") && !status.equals("INACTIVE") && !status.equals("ALL")) {
            throw AwsError.badRequest("InvalidParameterException", "status must be ACTIVE, INACTIVE or ALL.");
        }
        List<String> families = definitions(call).familyNames(familyFilter(p), status);
        ObjectNode out = Call.object();
        EcsPages.page(families, p, 100, out, "families");
        return out;
    }

    private static Optional<String> familyFilter(Params p) {
        Optional<String> family = p.string("familyPrefix").filter(s -> !s.isEmpty());
        if (family.isPresent() && !family.get().matches("[a-zA-Z0-9\\-_]+")) {
            throw AwsError.badRequest("InvalidParameterException", "family must match ^[a-zA-Z0-9\\-_]+$");
        }
        return family;
    }

    private static ObjectNode deregisterTaskDefinition(Call call) {
        TaskDefinition td = definitions(call).deregister(call.params().required("taskDefinition"));
        ObjectNode out = Call.object();
        out.set("taskDefinition", EcsRender.taskDefinition(td));
        return out;
    }

    /** Deletes INACTIVE revisions; the others are failures with AWS's reasons. */
    private static ObjectNode deleteTaskDefinitions(Call call) {
        TaskDefinitions.Deleted d = definitions(call).delete(call.params().strings("taskDefinitions"));
        ObjectNode out = Call.object();
        com.fasterxml.jackson.databind.node.ArrayNode tds = out.putArray("taskDefinitions");
        d.taskDefinitions().forEach(td -> tds.add(EcsRender.taskDefinition(td)));
        out.set("failures", EcsRender.failures(d.failures()));
        return out;
    }
}
