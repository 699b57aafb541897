package dev.ecsnet.api.ssm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.ConstraintErrors;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.JsonServiceHandler;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.TokenPage;
import dev.ecsnet.domain.ssm.Parameter;
import dev.ecsnet.domain.ssm.ParameterFilter;
import dev.ecsnet.domain.ssm.ParameterPolicy;
import dev.ecsnet.domain.ssm.ParameterStore;
import dev.ecsnet.domain.ssm.ParameterType;
import dev.ecsnet.domain.ssm.ParameterVersion;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Systems Manager (JSON 1.1, {@code AmazonSSM}, 2014-11-06): Parameter Store. Parameters, their versions,
 * labels and tags are per account and region; the public {@code /aws/service/} parameters are read only.
 */
public final class SsmHandler extends JsonServiceHandler {
    public static final ServiceSpec SPEC = ServiceSpec.json("ssm", "2014-11-06", "AmazonSSM");

    public SsmHandler() {
        super(SPEC);
        SsmParameterOps.register(operations());
        operations().register("AddTagsToResource", SsmHandler::addTagsToResource)
                .register("RemoveTagsFromResource", SsmHandler::removeTagsFromResource)
                .register("ListTagsForResource", SsmHandler::listTagsForResource);
    }

    static ParameterStore store(Call call) {
        return call.state().parameters();
    }

    private static String resourceType(Params p) {
        String type = p.required("ResourceType");
        List<String> types = List.of("Document", "ManagedInstance", "MaintenanceWindow", "Parameter", "PatchBaseline", "OpsItem",
                "OpsMetadata", "Automation", "Association");
        if (!types.contains(type)) {
            throw ConstraintErrors.enumValue(VALIDATION, type, "resourceType", types);
        }
        return type;
    }

    private static ObjectNode addTagsToResource(Call call) {
        Params p = call.params();
        String type = resourceType(p);
        Map<String, String> tags = tags(p);
        store(call).addTags(type, p.required("ResourceId"), tags);
        return Call.object();
    }

    private static ObjectNode removeTagsFromResource(Call call) {
        Params p = call.params();
        store(call).removeTags(resourceType(p), p.required("ResourceId"), p.strings("TagKeys"));
        return Call.object();
    }

    private static ObjectNode listTagsForResource(Call call) {
        Params p = call.params();
        Parameter parameter = store(call).tagged(resourceType(p), p.required("ResourceId"));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("TagList");
        parameter.tags().forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return out;
    }

    static Map<String, String> tags(Params p) {
        for (Params t : p.list("Tags")) {
            ConstraintErrors.length(VALIDATION, t.required("Key"), "key", 1, 128);
            ConstraintErrors.length(VALIDATION, t.string("Value").orElseThrow(() -> ConstraintErrors.missing(VALIDATION, "value")), "value", 0, 256);
        }
        return p.keyValues("Tags", "Key", "Value");
    }

    // ---- rendering --------------------------------------------------------------------------------------------

    /** A {@code Parameter} as GetParameter(s) and GetParametersByPath answer it. */
    static ObjectNode parameter(ParameterStore.Found f, boolean withDecryption) {
        ParameterVersion v = f.version();
        ObjectNode o = Call.object().put("Name", v.name()).put("Type", v.type().wireName()).put("Value", v.value(withDecryption))
                .put("Version", v.version());
        f.selector().ifPresent(s -> o.put("Selector", s));
        JsonDocuments.time(o, "LastModifiedDate", v.lastModifiedDate());
        return o.put("ARN", f.parameter().arn()).put("DataType", v.dataType());
    }

    /** What DescribeParameters and GetParameterHistory share of a version. */
    static ObjectNode metadata(ParameterVersion v, Optional<String> arn) {
        ObjectNode o = Call.object().put("Name", v.name());
        arn.ifPresent(a -> o.put("ARN", a));
        o.put("Type", v.type().wireName());
        v.keyId().ifPresent(k -> o.put("KeyId", k));
        JsonDocuments.time(o, "LastModifiedDate", v.lastModifiedDate());
        o.put("LastModifiedUser", v.lastModifiedUser());
        v.description().ifPresent(d -> o.put("Description", d));
        v.allowedPattern().ifPresent(a -> o.put("AllowedPattern", a));
        o.put("Version", v.version()).put("Tier", v.tier().wireName());
        ArrayNode policies = o.putArray("Policies");
        for (ParameterPolicy policy : v.policies()) {
            policies.addObject().put("PolicyText", policy.text()).put("PolicyType", policy.type()).put("PolicyStatus", policy.status());
        }
        return o.put("DataType", v.dataType());
    }

    static <T> TokenPage<T> paged(Params p, List<T> all, int max) {
        return TokenPage.of(p, all, max, VALIDATION, () -> AwsError.badRequest("InvalidNextToken", "The specified token isn't valid."));
    }

    static List<ParameterFilter> filters(Params p, String name) {
        return p.list(name).stream().map(f -> new ParameterFilter(f.required("Key"), f.string("Option"), f.strings("Values"))).toList();
    }

    static Optional<ParameterType> type(Params p) {
        return p.string("Type").map(t -> ParameterType.of(t).orElseThrow(() ->
                ConstraintErrors.enumValue(VALIDATION, t, "type", List.of("SecureString", "StringList", "String"))));
    }
}
