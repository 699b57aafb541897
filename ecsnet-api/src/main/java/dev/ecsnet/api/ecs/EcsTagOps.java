package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.protocol.AwsError;

/** TagResource, UntagResource and ListTagsForResource, over every taggable ECS resource. */
final class EcsTagOps {
    private EcsTagOps() {
    }

    static void register(OperationTable t) {
        t.register("TagResource", EcsTagOps::tagResource);
        t.register("UntagResource", EcsTagOps::untagResource);
        t.register("ListTagsForResource", EcsTagOps::listTagsForResource);
    }

    private static ObjectNode tagResource(Call call) {
        Params p = call.params();
        String arn = p.required("resourceArn");
        if (!p.has("tags")) {
            throw AwsError.badRequest("InvalidParameterException", "tags can not be null or empty.");
        }
        call.state().ecs().tags().tagResource(arn, p.keyValues("tags", "key", "value"));
        return Call.object();
    }

    private static ObjectNode untagResource(Call call) {
        Params p = call.params();
        String arn = p.required("resourceArn");
        if (!p.has("tagKeys")) {
            throw AwsError.badRequest("InvalidParameterException", "tagKeys can not be null or empty.");
        }
        call.state().ecs().tags().untagResource(arn, p.strings("tagKeys"));
        return Call.object();
    }

    private static ObjectNode listTagsForResource(Call call) {
        String arn = call.params().required("resourceArn");
        return Call.object().set("tags", EcsRender.tags(call.state().ecs().tags().listTagsForResource(arn)));
    }
}
