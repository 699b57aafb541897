package dev.ecsnet.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.domain.discovery.CloudMap;
import dev.ecsnet.domain.discovery.DiscoveryOperation;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * AWS Cloud Map (JSON 1.1, {@code Route53AutoNaming_v20170314}, signing name {@code servicediscovery}):
 * namespaces, services, instances, operations and tags. Namespace and service operations are in
 * {@link ServiceDiscoveryNamespaceOps}, instance operations in {@link ServiceDiscoveryInstanceOps}.
 */
public final class ServiceDiscoveryHandler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.json("servicediscovery", "2017-03-14", "Route53AutoNaming_v20170314");

    public ServiceDiscoveryHandler() {
        super(SPEC);
        OperationTable operations = operations();
        ServiceDiscoveryNamespaceOps.register(operations);
        ServiceDiscoveryInstanceOps.register(operations);
        operations.register("GetOperation", c -> {
            ObjectNode out = Call.object();
            out.set("Operation", renderOperation(cloudMap(c).operation(c.params().required("OperationId"),
                    c.params().string("OwnerAccount").filter(a -> !a.isEmpty()).orElse(null))));
            return out;
        }).register("ListOperations", ServiceDiscoveryHandler::listOperations)
                .register("ListTagsForResource", c -> {
                    ObjectNode out = Call.object();
                    putTags(out, cloudMap(c).tagsOf(c.params().required("ResourceARN")));
                    return out;
                })
                .register("TagResource", c -> {
                    cloudMap(c).tag(c.params().required("ResourceARN"), tags(c.params()));
                    return Call.object();
                })
                .register("UntagResource", c -> {
                    Map<String, String> tags = cloudMap(c).tagsOf(c.params().required("ResourceARN"));
                    c.params().strings("TagKeys").forEach(tags::remove);
                    return Call.object();
                });
    }

    static CloudMap cloudMap(Call call) {
        return call.state().cloudMap();
    }

    static double epoch(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    static Map<String, String> tags(Params p) {
        return p.keyValues("Tags", "Key", "Value");
    }

    static void putTags(ObjectNode parent, Map<String, String> tags) {
        ArrayNode list = parent.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    }

    /** A JSON object of string values (Attributes, QueryParameters) as an ordered map. */
    static Map<String, String> stringMap(Params p, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = p.node().get(name);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw invalid(name + " must be a map of strings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static AwsError invalid(String message) {
        return AwsError.badRequest("InvalidInput", message);
    }

    static ObjectNode operationId(String id) {
        return Call.object().put("OperationId", id);
    }

    static ObjectNode renderOperation(DiscoveryOperation op) {
        ObjectNode o = Call.object().put("Id", op.id()).put("Type", op.type()).put("Status", op.status())
                .put("CreateDate", epoch(op.createDate())).put("UpdateDate", epoch(op.updateDate()));
        ObjectNode targets = o.putObject("Targets");
        new java.util.TreeMap<>(op.targets()).forEach(targets::put);
        return o;
    }

    /**
     * A field a List* call filters on: its value, the conditions AWS allows for it, and how a filter value is read
     * (a namespace ARN stands for its id).
     */
    record FilterField<T>(java.util.function.Function<T, String> value, java.util.Set<String> conditions,
                          java.util.function.UnaryOperator<String> normalize) {
        static <T> FilterField<T> of(java.util.function.Function<T, String> value, String... conditions) {
            return new FilterField<>(value, java.util.Set.of(conditions), v -> v);
        }
    }

    /** RESOURCE_OWNER: SELF or OTHER_ACCOUNTS; everything ecsnet holds is the caller's own (no sharing). */
    static <T> FilterField<T> resourceOwner() {
        return new FilterField<>(x -> "SELF", java.util.Set.of("EQ"), v -> {
            if (!v.equals("SELF") && !v.equals("OTHER_ACCOUNTS")) {
                throw invalid("The value " + v + " is not valid for the filter RESOURCE_OWNER: specify SELF or OTHER_ACCOUNTS");
            }
            return v;
        });
    }

    /** Filters as Cloud Map's List* calls take them: Name, Values, Condition (EQ by default; IN, BEGINS_WITH where allowed). */
    static <T> Predicate<T> filters(Params p, Map<String, FilterField<T>> fields) {
        Predicate<T> all = x -> true;
        for (Params f : p.list("Filters")) {
            String name = f.required("Name");
            FilterField<T> field = fields.get(name);
            if (field == null) {
                throw invalid("1 validation error detected: Value '" + name + "' at 'filters.member.name' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [" + String.join(", ", fields.keySet()) + "]");
            }
            List<String> values = f.strings("Values").stream().map(field.normalize()).toList();
            String condition = f.string("Condition").filter(s -> !s.isEmpty()).orElse("EQ");
            if (!field.conditions().contains(condition)) {
                throw invalid("The condition " + condition + " is not supported for the filter " + name);
            }
            if ((condition.equals("EQ") || condition.equals("BEGINS_WITH")) && values.size() != 1) {
                throw invalid("The " + condition + " condition requires exactly one value");
            }
            if (values.isEmpty()) {
                throw invalid("At least one filter value must be specified");
            }
            Predicate<T> one = switch (condition) {
                case "EQ", "IN" -> x -> values.contains(field.value().apply(x));
                case "BEGINS_WITH" -> x -> field.value().apply(x) != null && field.value().apply(x).startsWith(values.get(0));
                default -> between(field, values);
            };
            all = all.and(one);
        }
        return all;
    }

    /** BETWEEN (UPDATE_DATE): a start and an end date, in Unix time. */
    private static <T> Predicate<T> between(FilterField<T> field, List<String> values) {
        if (values.size() != 2) {
            throw invalid("The BETWEEN condition requires a start date and an end date");
        }
        double from;
        double to;
        try {
            from = Double.parseDouble(values.get(0));
            to = Double.parseDouble(values.get(1));
        } catch (NumberFormatException e) {
            throw invalid("The dates of a BETWEEN condition must be in Unix date/time format");
        }
        return x -> {
            double t = Double.parseDouble(field.value().apply(x));
            return t >= from && t <= to;
        };
    }

    /** One page of {@code items}: NextToken is an index, MaxResults at most 100. */
    static <T> List<T> page(Params p, List<T> items, ObjectNode out) {
        int max = p.integer("MaxResults").orElse(100);
        if (max < 1 || max > 100) {
            throw invalid("MaxResults must be between 1 and 100");
        }
        int from = 0;
        if (p.string("NextToken").filter(s -> !s.isEmpty()).isPresent()) {
            try {
                from = Integer.parseInt(p.string("NextToken").get());
            } catch (NumberFormatException e) {
                throw invalid("The NextToken is not valid");
            }
        }
        from = Math.max(0, Math.min(from, items.size()));
        int to = Math.min(items.size(), from + max);
        if (to < items.size()) {
            out.put("NextToken", String.valueOf(to));
        }
        return items.subList(from, to);
    }

    private static ObjectNode listOperations(Call c) {
        Map<String, FilterField<DiscoveryOperation>> fields = new LinkedHashMap<>();
        fields.put("NAMESPACE_ID", FilterField.of(op -> op.targets().get("NAMESPACE"), "EQ"));
        fields.put("SERVICE_ID", FilterField.of(op -> op.targets().get("SERVICE"), "EQ"));
        fields.put("STATUS", FilterField.of(DiscoveryOperation::status, "EQ", "IN"));
        fields.put("TYPE", FilterField.of(DiscoveryOperation::type, "EQ", "IN"));
        fields.put("UPDATE_DATE", FilterField.of(op -> String.valueOf(epoch(op.updateDate())), "BETWEEN"));
        List<DiscoveryOperation> ops = cloudMap(c).operations().stream().filter(filters(c.params(), fields)).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Operations");
        page(c.params(), ops, out).forEach(op -> list.addObject().put("Id", op.id()).put("Status", op.status()));
        return out;
    }




    @Override
    public AwsError missingParameter(String name) {
        return missing(name);
    }

    static AwsError missing(String name) {
        return AwsError.badRequest("InvalidInput", "1 validation error detected: Value null at '" + name
                + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("InvalidInput", "Invalid value for " + name);
    }
}
