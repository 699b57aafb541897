package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.protocol.AwsError;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2 Describe filters for one resource type: each filter name maps to the values a resource has for it. A
 * resource matches when, for every filter, one of its values matches one of the filter's values ({@code *} and
 * {@code ?} are wildcards). {@code tag:Key}, {@code tag-key} and {@code tag-value} work for every taggable type.
 * An unknown filter name is refused as EC2 refuses it.
 */
final class Ec2Filters<T> {
    private final Map<String, Function<T, Collection<String>>> fields = new LinkedHashMap<>();
    private final Function<T, Map<String, String>> tags;

    private Ec2Filters(Function<T, Map<String, String>> tags) {
        this.tags = tags;
    }

    static <T extends Taggable> Ec2Filters<T> taggable() {
        return new Ec2Filters<>(Taggable::tags);
    }

    static <T> Ec2Filters<T> untagged() {
        return new Ec2Filters<>(null);
    }

    Ec2Filters<T> field(String name, Function<T, Object> value) {
        fields.put(name, r -> {
            Object v = value.apply(r);
            return v == null ? List.of() : List.of(String.valueOf(v));
        });
        return this;
    }

    Ec2Filters<T> multi(String name, Function<T, Collection<String>> values) {
        fields.put(name, values);
        return this;
    }

    record Filter(String name, List<String> values) {
    }

    static List<Filter> read(Params params, String memberName) {
        return params.list(memberName).stream()
                .map(f -> new Filter(f.required("Name"), f.strings("Value")))
                .toList();
    }

    /** Checks the names before any resource is looked at, so a bad filter fails even on an empty result. */
    List<T> apply(Collection<T> resources, List<Filter> filters) {
        for (Filter f : filters) {
            boolean tagFilter = tags != null && (f.name().startsWith("tag:") || f.name().equals("tag-key") || f.name().equals("tag-value"));
            if (!tagFilter && !fields.containsKey(f.name())) {
                throw AwsError.badRequest("InvalidParameterValue", "The filter '" + f.name() + "' is invalid");
            }
        }
        return resources.stream().filter(r -> filters.stream().allMatch(f -> matches(r, f))).toList();
    }

    private boolean matches(T resource, Filter f) {
        Collection<String> have;
        if (tags != null && f.name().startsWith("tag:")) {
            String v = tags.apply(resource).get(f.name().substring(4));
            have = v == null ? List.of() : List.of(v);
        } else if (tags != null && f.name().equals("tag-key")) {
            have = tags.apply(resource).keySet();
        } else if (tags != null && f.name().equals("tag-value")) {
            have = tags.apply(resource).values();
        } else {
            have = fields.get(f.name()).apply(resource);
        }
        for (String want : f.values()) {
            Pattern p = wildcard(want);
            for (String h : have) {
                if (p.matcher(h).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern wildcard(String value) {
        StringBuilder re = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
