package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.TagIndex;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.domain.common.Wildcard;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * EC2 Describe filters for one resource type: each filter name maps to the values a resource has for it. A
 * resource matches when, for every filter, one of its values matches one of the filter's values ({@code *} and
 * {@code ?} are wildcards). {@code tag:Key}, {@code tag-key} and {@code tag-value} work for every taggable type.
 * An unknown filter name is refused as EC2 refuses it. Wildcards are read once per request and matched without
 * regular expressions, and names and values are bounded before anything else is done with them.
 */
final class Ec2Filters<T> {
    /**
     * The longest filter name and value accepted. botocore's EC2 model gives no limit; no field a filter can match is
     * longer than a 256-character tag value (a name: {@code tag:} + a 128-character key), so longer text can only be a
     * mistake or an attack, and is refused before it is read.
     */
    static final int MAX_NAME = 4 + 128;
    static final int MAX_VALUE = 1024;

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
                .map(f -> new Filter(bounded("name", f.required("Name"), MAX_NAME), f.strings("Value").stream()
                        .map(v -> bounded("value", v, MAX_VALUE)).toList()))
                .toList();
    }

    private static String bounded(String what, String text, int max) {
        if (text.length() > max) {
            throw AwsError.badRequest("InvalidParameterValue", "The filter " + what + " '" + text.substring(0, 32)
                    + "...' is too long (" + text.length() + " characters; at most " + max + ")");
        }
        return text;
    }

    private record Compiled(Filter filter, List<Wildcard> values) {
    }

    /** Checks the names before any resource is looked at, so a bad filter fails even on an empty result. */
    List<T> apply(Collection<T> resources, List<Filter> filters) {
        return apply(resources, filters, Map.of());
    }

    /**
     * As {@link #apply(Collection, List)} over {@code all} the resources of the type, in creation order, with lookups
     * by filter name: the first filter that has one and only exact values (no wildcard) picks the candidates, which all
     * filters then check. A lookup answers in creation order, so the result and its order are those of the scan.
     */
    List<T> apply(Collection<T> all, List<Filter> filters, Map<String, Function<Collection<String>, List<T>>> lookups) {
        return apply(all, filters, lookups, null);
    }

    /** The lookups of a type whose tags are indexed: {@code tag:Key} and {@code tag-key} filters then pick candidates too. */
    record TagLookups<T>(BiFunction<String, Collection<String>, List<T>> withTag, Function<Collection<String>, List<T>> withKeys) {
        static <T extends Taggable> TagLookups<T> of(TagIndex<T> index) {
            return new TagLookups<>(index::withTag, index::withKeys);
        }

        Function<Collection<String>, List<T>> forFilter(String name) {
            if (name.startsWith("tag:")) {
                String key = name.substring(4);
                return values -> withTag.apply(key, values);
            }
            return name.equals("tag-key") ? withKeys : null;
        }
    }

    /** As above, with {@code tagLookups} (null: tags scan) for the tag filters. */
    List<T> apply(Collection<T> all, List<Filter> filters, Map<String, Function<Collection<String>, List<T>>> lookups,
                  TagLookups<T> tagLookups) {
        for (Filter f : filters) {
            boolean tagFilter = tags != null && (f.name().startsWith("tag:") || f.name().equals("tag-key") || f.name().equals("tag-value"));
            if (!tagFilter && !fields.containsKey(f.name())) {
                throw AwsError.badRequest("InvalidParameterValue", "The filter '" + f.name() + "' is invalid");
            }
        }
        List<Compiled> compiled = filters.stream().map(f -> new Compiled(f, f.values().stream().map(Wildcard::ec2).toList())).toList();
        Collection<T> candidates = all;
        for (Compiled c : compiled) {
            Function<Collection<String>, List<T>> lookup = lookups.get(c.filter().name());
            if (lookup == null && tagLookups != null) {
                lookup = tagLookups.forFilter(c.filter().name());
            }
            if (lookup != null && c.values().stream().allMatch(Wildcard::isLiteral)) {
                candidates = lookup.apply(new LinkedHashSet<>(c.filter().values()));
                break;
            }
        }
        List<T> out = new ArrayList<>();
        for (T r : candidates) {
            if (matchesAll(r, compiled)) {
                out.add(r);
            }
        }
        return out;
    }

    private boolean matchesAll(T resource, List<Compiled> compiled) {
        for (Compiled c : compiled) {
            if (!matches(resource, c.filter(), c.values())) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(T resource, Filter f, List<Wildcard> wanted) {
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
        for (Wildcard want : wanted) {
            for (String h : have) {
                if (want.matches(h)) {
                    return true;
                }
            }
        }
        return false;
    }
}
