package dev.ecsnet.domain.elb;

import java.util.List;
import java.util.Set;

/**
 * One condition of a listener rule. {@code values} are the values of the field's own config (host names, path
 * patterns, methods, source CIDRs, header values), {@code httpHeaderName} is set for {@code http-header},
 * {@code queryStrings} (key or null, value) for {@code query-string}. As the caller sent it, {@code legacyValues} is
 * the old flat {@code Values} list, {@code configs} the config members given and {@code regexValues} whether
 * RegexValues was; {@link RuleConditionRules} folds these into {@code values}.
 */
public record RuleCondition(String field, List<String> values, String httpHeaderName, List<QueryString> queryStrings,
                            List<String> legacyValues, Set<String> configs, boolean regexValues) {

    public static final List<String> FIELDS = List.of("http-header", "http-request-method", "host-header", "path-pattern",
            "query-string", "source-ip");

    public RuleCondition {
        values = List.copyOf(values);
        queryStrings = List.copyOf(queryStrings);
        legacyValues = List.copyOf(legacyValues);
        configs = Set.copyOf(configs);
    }

    /** A condition with its field's own config (HostHeaderConfig, PathPatternConfig, ...) holding {@code values}. */
    public static RuleCondition of(String field, List<String> values) {
        String config = RuleConditionRules.configOf(field);
        return new RuleCondition(field, values, null, List.of(), List.of(), config == null ? Set.of() : Set.of(config), false);
    }

    public record QueryString(String key, String value) {
    }
}
