package dev.ecsnet.api.ssm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.ConstraintErrors;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ssm.ParameterStore;
import dev.ecsnet.domain.ssm.ParameterTier;
import dev.ecsnet.domain.ssm.ParameterVersion;
import dev.ecsnet.domain.ssm.PutRequest;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.ecsnet.api.JsonServiceHandler.VALIDATION;
import static dev.ecsnet.api.ssm.SsmHandler.store;

/** Parameter Store's parameter operations: put, the reads, history, labels and deletes. */
final class SsmParameterOps {
    private static final Pattern KEY_ID = Pattern.compile("[a-zA-Z0-9:/_-]{1,256}");

    private SsmParameterOps() {
    }

    static void register(OperationTable operations) {
        operations.register("PutParameter", SsmParameterOps::putParameter)
                .register("GetParameter", SsmParameterOps::getParameter)
                .register("GetParameters", SsmParameterOps::getParameters)
                .register("GetParametersByPath", SsmParameterOps::getParametersByPath)
                .register("DescribeParameters", SsmParameterOps::describeParameters)
                .register("GetParameterHistory", SsmParameterOps::getParameterHistory)
                .register("DeleteParameter", SsmParameterOps::deleteParameter)
                .register("DeleteParameters", SsmParameterOps::deleteParameters)
                .register("LabelParameterVersion", SsmParameterOps::labelParameterVersion)
                .register("UnlabelParameterVersion", SsmParameterOps::unlabelParameterVersion);
    }

    private static String name(Params p) {
        return ConstraintErrors.length(VALIDATION, p.required("Name"), "name", 1, 2048);
    }

    private static ObjectNode putParameter(Call call) {
        Params p = call.params();
        String value = p.string("Value").orElseThrow(() -> ConstraintErrors.missing(VALIDATION, "value"));
        ConstraintErrors.length(VALIDATION, value, "value", 1, Integer.MAX_VALUE);
        p.string("Description").ifPresent(d -> ConstraintErrors.length(VALIDATION, d, "description", 0, 1024));
        p.string("AllowedPattern").ifPresent(a -> ConstraintErrors.length(VALIDATION, a, "allowedPattern", 0, 1024));
        p.string("DataType").ifPresent(d -> ConstraintErrors.length(VALIDATION, d, "dataType", 0, 128));
        Optional<String> keyId = p.string("KeyId");
        keyId.filter(k -> !KEY_ID.matcher(k).matches()).ifPresent(k -> {
            throw ConstraintErrors.constraint(VALIDATION, k, "keyId", "Member must satisfy regular expression pattern: ^([a-zA-Z0-9:/_-]+)$");
        });
        Optional<ParameterTier> tier = p.string("Tier").map(t -> ParameterTier.of(t).orElseThrow(() ->
                ConstraintErrors.enumValue(VALIDATION, t, "tier", List.of("Standard", "Advanced", "Intelligent-Tiering"))));
        PutRequest r = new PutRequest(name(p), p.string("Description"), value, SsmHandler.type(p), keyId, p.bool("Overwrite").orElse(false),
                p.string("AllowedPattern"), SsmHandler.tags(p), tier, p.string("Policies").map(SsmParameterOps::policies), p.string("DataType"));
        ParameterStore.PutResult result = store(call).put(r);
        return Call.object().put("Version", result.version()).put("Tier", result.tier().wireName());
    }

    /** The {@code Policies} JSON array, each element kept with its own text. */
    private static List<PutRequest.PolicyInput> policies(String text) {
        Optional<Object> tree = JsonDocuments.parse(text);
        if (tree.isEmpty() || !(tree.get() instanceof List<?> elements)) {
            throw AwsError.badRequest("InvalidPolicyTypeException", "The policies must be a JSON array of policy objects.");
        }
        List<PutRequest.PolicyInput> out = new ArrayList<>();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> m)) {
                throw AwsError.badRequest("InvalidPolicyTypeException", "The policies must be a JSON array of policy objects.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) m;
            out.add(new PutRequest.PolicyInput(fields, JsonDocuments.text(fields)));
        }
        return out;
    }

    private static ObjectNode getParameter(Call call) {
        Params p = call.params();
        ParameterStore.Found f = store(call).get(name(p));
        ObjectNode out = Call.object();
        out.set("Parameter", SsmHandler.parameter(f, p.bool("WithDecryption").orElse(false)));
        return out;
    }

    private static ObjectNode getParameters(Call call) {
        Params p = call.params();
        List<String> names = upToTen(p, "Names");
        boolean decrypt = p.bool("WithDecryption").orElse(false);
        ParameterStore.Lookup lookup = store(call).getAll(names);
        ObjectNode out = Call.object();
        ArrayNode found = out.putArray("Parameters");
        lookup.found().forEach(f -> found.add(SsmHandler.parameter(f, decrypt)));
        return strings(out, "InvalidParameters", lookup.invalid());
    }

    private static ObjectNode getParametersByPath(Call call) {
        Params p = call.params();
        boolean decrypt = p.bool("WithDecryption").orElse(false);
        List<ParameterStore.Found> all = store(call).byPath(ConstraintErrors.length(VALIDATION, p.required("Path"), "path", 1, 2048),
                p.bool("Recursive").orElse(false), SsmHandler.filters(p, "ParameterFilters"));
        return SsmHandler.paged(p, all, 10).render("Parameters", f -> SsmHandler.parameter(f, decrypt));
    }

    private static ObjectNode describeParameters(Call call) {
        Params p = call.params();
        List<ParameterStore.Found> all = store(call).describe(SsmHandler.filters(p, "Filters"), SsmHandler.filters(p, "ParameterFilters"),
                p.bool("Shared").orElse(false));
        return SsmHandler.paged(p, all, 50).render("Parameters", f -> SsmHandler.metadata(f.version(), Optional.of(f.parameter().arn())));
    }

    private static ObjectNode getParameterHistory(Call call) {
        Params p = call.params();
        boolean decrypt = p.bool("WithDecryption").orElse(false);
        ParameterStore store = store(call);
        String name = name(p);
        List<ParameterVersion> history = store.history(name);
        return SsmHandler.paged(p, history, 50).render("Parameters", v -> {
            ObjectNode o = SsmHandler.metadata(v, Optional.empty());
            o.put("Value", v.value(decrypt));
            return strings(o, "Labels", v.labels());
        });
    }

    private static ObjectNode deleteParameter(Call call) {
        store(call).delete(name(call.params()));
        return Call.object();
    }

    private static ObjectNode deleteParameters(Call call) {
        List<String> names = upToTen(call.params(), "Names");
        ParameterStore.DeleteResult r = store(call).deleteAll(names);
        return strings(strings(Call.object(), "DeletedParameters", r.deleted()), "InvalidParameters", r.invalid());
    }

    private static ObjectNode strings(ObjectNode out, String field, List<String> values) {
        ArrayNode list = out.putArray(field);
        values.forEach(list::add);
        return out;
    }

    /** A list member of one to ten strings (Names, Labels). */
    private static List<String> upToTen(Params p, String name) {
        List<String> values = p.strings(name);
        if (values.isEmpty() || values.size() > 10) {
            throw ConstraintErrors.constraint(VALIDATION, values, name, values.isEmpty() ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 10");
        }
        return values;
    }

    private static Optional<Long> version(Params p) {
        return p.string("ParameterVersion").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw p.invalid("ParameterVersion");
            }
        });
    }

    private static ObjectNode labelParameterVersion(Call call) {
        Params p = call.params();
        ParameterStore.LabelResult r = store(call).label(name(p), version(p), upToTen(p, "Labels"));
        return strings(Call.object(), "InvalidLabels", r.invalidLabels()).put("ParameterVersion", r.version());
    }

    private static ObjectNode unlabelParameterVersion(Call call) {
        Params p = call.params();
        long version = version(p).orElseThrow(() -> ConstraintErrors.missing(VALIDATION, "parameterVersion"));
        ParameterStore.UnlabelResult r = store(call).unlabel(name(p), version, upToTen(p, "Labels"));
        return strings(strings(Call.object(), "RemovedLabels", r.removed()), "InvalidLabels", r.invalid());
    }
}
