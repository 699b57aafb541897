package dev.ecsnet.api.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.PageTokens;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.autoscaling.AutoScaling;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * EC2 Auto Scaling (Query protocol, 2011-01-01, signing name {@code autoscaling}): groups launched from EC2 launch
 * templates, their instances and scaling activities, tags and suspended processes. The operations are split by
 * resource family: {@link AutoScalingGroupOps}, {@link AutoScalingInstanceOps}, {@link AutoScalingTagOps}.
 */
public final class AutoScalingHandler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.query("autoscaling", "2011-01-01", "http://autoscaling.amazonaws.com/doc/2011-01-01/");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public AutoScalingHandler() {
        super(SPEC);
        OperationTable operations = operations();
        AutoScalingGroupOps.register(operations);
        AutoScalingInstanceOps.register(operations);
        AutoScalingTagOps.register(operations);
    }

    static AutoScaling autoScaling(Call call) {
        return call.state().autoScaling();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** A member list of strings; the empty string the query protocol sends for an empty list counts as no member. */
    static List<String> strings(Params p, String name) {
        return p.strings(name).stream().filter(s -> !s.isEmpty()).toList();
    }

    static ArrayNode putStrings(ObjectNode parent, String field, List<String> values) {
        ArrayNode list = parent.putArray(field);
        values.forEach(list::add);
        return list;
    }

    /** One page of {@code items} from {@code NextToken}; {@code MaxRecords} from 1 to {@code max}, {@code dflt} when absent. */
    static <T> List<T> page(Params p, List<T> items, int dflt, int max, ObjectNode out) {
        int size = p.integer("MaxRecords").orElse(dflt);
        if (size < 1 || size > max) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + size
                    + "' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and " + max);
        }
        int from = p.string("NextToken").filter(s -> !s.isEmpty()).map(t -> PageTokens.decode(t)
                .orElseThrow(() -> new AwsError("InvalidNextToken", "The token '" + t + "' is invalid.", 400))).orElse(0);
        from = Math.min(from, items.size());
        int to = Math.min(items.size(), from + size);
        if (to < items.size()) {
            out.put("NextToken", PageTokens.encode(to));
        }
        return items.subList(from, to);
    }

    @Override
    public AwsError missingParameter(String name) {
        return missing(name);
    }

    static AwsError missing(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value null at '" + camel(name)
                + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value at '" + camel(name)
                + "' failed to satisfy constraint: Member must be of its declared type");
    }

    private static String camel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
