package dev.ecsnet.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.domain.logs.LogGroup;
import dev.ecsnet.domain.logs.Logs;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CloudWatch Logs (JSON 1.1, {@code Logs_20140328}): log groups with retention and tags. */
public final class LogsHandler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.json("logs", "2014-03-28", "Logs_20140328");

    public LogsHandler() {
        super(SPEC);
        OperationTable operations = operations();
        operations.register("CreateLogGroup", LogsHandler::createLogGroup)
                .register("DeleteLogGroup", c -> empty(() -> logs(c).deleteLogGroup(c.params().required("logGroupName"))))
                .register("DescribeLogGroups", LogsHandler::describeLogGroups)
                .register("PutRetentionPolicy", c -> empty(() -> logs(c).putRetentionPolicy(c.params().required("logGroupName"),
                        c.params().integer("retentionInDays").orElseThrow(() -> missing("retentionInDays")))))
                .register("DeleteRetentionPolicy", c -> empty(() -> logs(c).deleteRetentionPolicy(c.params().required("logGroupName"))))
                .register("ListTagsForResource", c -> tagsResult("tags", logs(c).byArn(c.params().required("resourceArn"))))
                .register("TagResource", c -> empty(() -> logs(c).tag(logs(c).byArn(c.params().required("resourceArn")), tagMap(c.params(), "tags"))))
                .register("UntagResource", c -> empty(() -> logs(c).untag(logs(c).byArn(c.params().required("resourceArn")), c.params().strings("tagKeys"))))
                .register("ListTagsLogGroup", c -> tagsResult("tags", logs(c).logGroup(c.params().required("logGroupName"))))
                .register("TagLogGroup", c -> empty(() -> logs(c).tag(logs(c).logGroup(c.params().required("logGroupName")), tagMap(c.params(), "tags"))))
                .register("UntagLogGroup", c -> empty(() -> logs(c).untag(logs(c).logGroup(c.params().required("logGroupName")), c.params().strings("tags"))));
    }

    private static Logs logs(Call call) {
        return call.state().logs();
    }

    private static ObjectNode empty(Runnable action) {
        action.run();
        return Call.object();
    }

    private static AwsError missing(String name) {
        return AwsError.badRequest("InvalidParameterException", "1 validation error detected: Value null at '" + name
                + "' failed to satisfy constraint: Member must not be null");
    }

    private static Map<String, String> tagMap(Params p, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode n = p.node().get(name);
        if (n == null || n.isNull()) {
            return tags;
        }
        if (!n.isObject()) {
            throw AwsError.badRequest("InvalidParameterException", "tags must be a map of strings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            tags.put(e.getKey(), e.getValue().asText());
        }
        return tags;
    }

    private static ObjectNode tagsResult(String field, LogGroup g) {
        ObjectNode out = Call.object();
        ObjectNode tags = out.putObject(field);
        g.tags().forEach(tags::put);
        return out;
    }

    private static ObjectNode createLogGroup(Call call) {
        Params p = call.params();
        logs(call).createLogGroup(p.required("logGroupName"), tagMap(p, "tags"), p.string("kmsKeyId").orElse(null),
                p.string("logGroupClass").orElse(null));
        return Call.object();
    }

    static ObjectNode render(LogGroup g) {
        ObjectNode o = Call.object()
                .put("logGroupName", g.name())
                .put("creationTime", g.creationTime().toEpochMilli());
        if (g.retentionInDays() != null) {
            o.put("retentionInDays", g.retentionInDays());
        }
        o.put("metricFilterCount", 0)
                .put("arn", g.arn() + ":*")
                .put("storedBytes", 0);
        if (g.kmsKeyId() != null) {
            o.put("kmsKeyId", g.kmsKeyId());
        }
        return o.put("logGroupClass", g.logGroupClass()).put("logGroupArn", g.arn());
    }

    private static ObjectNode describeLogGroups(Call call) {
        Params p = call.params();
        String prefix = p.string("logGroupNamePrefix").orElse(null);
        String pattern = p.string("logGroupNamePattern").orElse(null);
        if (prefix != null && pattern != null) {
            throw AwsError.badRequest("InvalidParameterException", "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        List<String> identifiers = p.strings("logGroupIdentifiers");
        List<LogGroup> all = logs(call).logGroups().stream()
                .filter(g -> prefix == null || g.name().startsWith(prefix))
                .filter(g -> pattern == null || g.name().toLowerCase(java.util.Locale.ROOT).contains(pattern.toLowerCase(java.util.Locale.ROOT)))
                .filter(g -> identifiers.isEmpty() || identifiers.contains(g.name()) || identifiers.contains(g.arn()))
                .toList();
        int limit = p.integer("limit").orElse(50);
        if (limit < 1 || limit > 50) {
            throw AwsError.badRequest("InvalidParameterException", "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
        }
        int start = p.string("nextToken").map(LogsHandler::token).orElse(0);
        int from = Math.min(start, all.size());
        int end = Math.min(all.size(), from + limit);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("logGroups");
        all.subList(from, end).forEach(g -> list.add(render(g)));
        if (end < all.size()) {
            out.put("nextToken", "lg/" + end);
        }
        return out;
    }

    private static int token(String t) {
        try {
            if (t.startsWith("lg/")) {
                return Math.max(0, Integer.parseInt(t.substring(3)));
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw AwsError.badRequest("InvalidParameterException", "The specified nextToken is invalid.");
    }




    @Override
    public AwsError missingParameter(String name) {
        return missing(name);
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("InvalidParameterException", "Invalid value for " + name);
    }
}
