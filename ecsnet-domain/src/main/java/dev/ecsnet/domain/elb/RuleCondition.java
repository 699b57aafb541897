package dev.ecsnet.domain.elb;

import java.util.List;

/**
 * One condition of a listener rule. {@code values} are the field's values (host names, path patterns, methods,
 * source CIDRs, header values); {@code httpHeaderName} is set for {@code http-header}; {@code queryStrings} (key or
 * null, value pairs) for {@code query-string}. {@code legacyValues} says the caller used the old flat Values list.
 */
public record RuleCondition(String field, List<String> values, String httpHeaderName, List<QueryString> queryStrings,
                            boolean legacyValues) {

    public static final List<String> FIELDS = List.of("host-header", "path-pattern", "http-header", "http-request-method",
            "query-string", "source-ip");

    public RuleCondition {
        values = List.copyOf(values);
        queryStrings = List.copyOf(queryStrings);
    }

    public record QueryString(String key, String value) {
    }
}
