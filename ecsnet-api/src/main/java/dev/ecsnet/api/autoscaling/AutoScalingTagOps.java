package dev.ecsnet.api.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.autoscaling.AutoScaling;
import dev.ecsnet.domain.autoscaling.AutoScalingGroup;
import dev.ecsnet.domain.autoscaling.GroupTag;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CreateOrUpdateTags, DeleteTags, DescribeTags, and the tag filters of DescribeAutoScalingGroups. */
final class AutoScalingTagOps {
    private AutoScalingTagOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateOrUpdateTags", c -> {
            AutoScalingHandler.autoScaling(c).createOrUpdateTags(refs(c.params()));
            return Call.object();
        });
        t.register("DeleteTags", c -> {
            AutoScalingHandler.autoScaling(c).deleteTags(refs(c.params()));
            return Call.object();
        });
        t.register("DescribeTags", AutoScalingTagOps::describeTags);
    }

    private static List<AutoScaling.GroupTagRef> refs(Params p) {
        List<Params> tags = p.list("Tags");
        if (tags.isEmpty()) {
            throw AutoScalingHandler.missing("Tags");
        }
        List<AutoScaling.GroupTagRef> out = new ArrayList<>();
        for (Params t : tags) {
            out.add(new AutoScaling.GroupTagRef(t.string("ResourceId").orElse(null), t.string("ResourceType").orElse(null),
                    new GroupTag(t.string("Key").orElse(""), t.string("Value").orElse(""), t.bool("PropagateAtLaunch").orElse(false))));
        }
        return out;
    }

    static ObjectNode tag(String group, GroupTag t) {
        return Call.object().put("ResourceId", group).put("ResourceType", AutoScaling.RESOURCE_TYPE).put("Key", t.key()).put("Value", t.value())
                .put("PropagateAtLaunch", t.propagateAtLaunch());
    }

    private record Filter(String name, List<String> values) {
    }

    private static List<Filter> filters(Params p) {
        return p.list("Filters").stream().map(f -> new Filter(f.required("Name"), AutoScalingHandler.strings(f, "Values"))).toList();
    }

    private static final Map<String, Function<AutoScaling.GroupTagRef, String>> TAG_FILTERS = Map.of(
            "auto-scaling-group", AutoScaling.GroupTagRef::groupName,
            "key", r -> r.tag().key(),
            "value", r -> r.tag().value(),
            "propagate-at-launch", r -> String.valueOf(r.tag().propagateAtLaunch()));

    private static ObjectNode describeTags(Call call) {
        Params p = call.params();
        List<Filter> filters = filters(p);
        for (Filter f : filters) {
            if (!TAG_FILTERS.containsKey(f.name())) {
                throw AwsError.badRequest("ValidationError", "Filter type " + f.name()
                        + " is not correct. Allowed Filter types are: auto-scaling-group key value propagate-at-launch");
            }
        }
        List<AutoScaling.GroupTagRef> rows = AutoScalingHandler.autoScaling(call).tags().stream()
                .filter(r -> filters.stream().allMatch(f -> f.values().contains(TAG_FILTERS.get(f.name()).apply(r)))).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Tags");
        AutoScalingHandler.page(p, rows, 50, 100, out).forEach(r -> list.add(tag(r.groupName(), r.tag())));
        return out;
    }

    /** DescribeAutoScalingGroups' filters: {@code tag-key}, {@code tag-value}, {@code tag:<key>}; all must match. */
    static boolean matchesGroupFilters(Params p, AutoScalingGroup g) {
        for (Filter f : filters(p)) {
            boolean match;
            if (f.name().equals("tag-key")) {
                match = g.tags().stream().anyMatch(t -> f.values().contains(t.key()));
            } else if (f.name().equals("tag-value")) {
                match = g.tags().stream().anyMatch(t -> f.values().contains(t.value()));
            } else if (f.name().startsWith("tag:")) {
                String key = f.name().substring(4);
                match = g.tags().stream().anyMatch(t -> t.key().equals(key) && f.values().contains(t.value()));
            } else {
                throw AwsError.badRequest("ValidationError", "Filter type " + f.name()
                        + " is not correct. Allowed Filter types are: tag-key tag-value tag:<key>");
            }
            if (!match) {
                return false;
            }
        }
        return true;
    }
}
