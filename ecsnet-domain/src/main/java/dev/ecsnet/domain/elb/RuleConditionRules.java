package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.net.Ipv4;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks AWS makes on a rule's conditions (CreateRule, ModifyRule): each field's config shape and the old
 * {@code Values} form, value lengths and characters, at most one host-header, http-request-method, path-pattern
 * and source-ip condition per rule, and the per-rule quotas (5 condition values, 5 wildcards).
 */
final class RuleConditionRules {
    static final int MAX_VALUES_PER_RULE = 5;
    static final int MAX_WILDCARDS_PER_RULE = 5;
    private static final Map<String, String> CONFIGS = Map.of("host-header", "HostHeaderConfig", "path-pattern", "PathPatternConfig",
            "http-header", "HttpHeaderConfig", "http-request-method", "HttpRequestMethodConfig", "query-string", "QueryStringConfig",
            "source-ip", "SourceIpConfig");
    private static final Set<String> ONCE_PER_RULE = Set.of("host-header", "http-request-method", "path-pattern", "source-ip");
    private static final Set<String> LEGACY_FIELDS = Set.of("host-header", "path-pattern");

    private RuleConditionRules() {
    }

    /** The config member that belongs to a field ({@code HostHeaderConfig} for {@code host-header}). */
    static String configOf(String field) {
        return CONFIGS.get(field);
    }

    /** Checks the conditions of one rule and answers them with every value in its field's own config. */
    static List<RuleCondition> check(List<RuleCondition> conditions) {
        if (conditions.isEmpty()) {
            throw ElbErrors.validation("At least one condition must be specified");
        }
        List<RuleCondition> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int values = 0;
        int wildcards = 0;
        for (RuleCondition c : conditions) {
            RuleCondition n = checkOne(c);
            if (ONCE_PER_RULE.contains(n.field()) && !seen.add(n.field())) {
                throw ElbErrors.validation("A rule can have only one '" + n.field() + "' condition");
            }
            values += n.field().equals("query-string") ? n.queryStrings().size() : n.values().size();
            wildcards += wildcards(n);
            out.add(n);
        }
        if (values > MAX_VALUES_PER_RULE) {
            throw ElbErrors.validation("A rule can only have '" + MAX_VALUES_PER_RULE + "' condition values and regex values");
        }
        if (wildcards > MAX_WILDCARDS_PER_RULE) {
            throw ElbErrors.validation("A rule can only have '" + MAX_WILDCARDS_PER_RULE + "' wildcards");
        }
        return out;
    }

    private static RuleCondition checkOne(RuleCondition c) {
        String field = c.field();
        if (field == null || field.isEmpty()) {
            throw ElbErrors.validation("A condition field must be specified");
        }
        String config = CONFIGS.get(field);
        if (config == null) {
            throw ElbErrors.validation("Condition field '" + field + "' must be one of '[" + String.join(", ", RuleCondition.FIELDS) + "]'");
        }
        if (c.regexValues()) {
            throw ElbErrors.unsupported("Regular expression conditions (RegexValues) are not supported by ecsnet");
        }
        for (String other : c.configs()) {
            if (!other.equals(config)) {
                throw ElbErrors.validation("You cannot provide '" + other + "' for a condition of type '" + field + "'");
            }
        }
        boolean hasConfig = c.configs().contains(config);
        List<String> values = c.values();
        if (!c.legacyValues().isEmpty()) {
            if (!LEGACY_FIELDS.contains(field)) {
                throw ElbErrors.validation("The 'Values' field is not compatible with '" + field + "'");
            }
            if (hasConfig) {
                throw ElbErrors.validation("You cannot provide both Values and '" + config + "' for a condition of type '" + field + "'");
            }
            if (c.legacyValues().size() > 1) {
                throw ElbErrors.validation("The '" + field + "' field contains too many values; the limit is '1'");
            }
            values = c.legacyValues();
        } else if (!hasConfig && !LEGACY_FIELDS.contains(field)) {
            throw ElbErrors.validation("A '" + config + "' must be specified with '" + field + "'");
        }
        switch (field) {
            case "host-header" -> checkValues(field, values, 128, "[A-Za-z0-9.*?-]+", "A-Z, a-z, 0-9, '-', '.', '*' and '?'");
            case "path-pattern" -> checkValues(field, values, 128, "[A-Za-z0-9_\\-.$/~\"'@:+&*?]+",
                    "A-Z, a-z, 0-9, _ - . $ / ~ \" ' @ : + & * ?");
            case "http-header" -> checkHttpHeader(c, values);
            case "http-request-method" -> checkValues(field, values, 40, "[A-Z_-]+", null);
            case "query-string" -> checkQueryStrings(c);
            default -> checkSourceIps(values);
        }
        return new RuleCondition(field, field.equals("query-string") ? List.of() : values,
                field.equals("http-header") ? c.httpHeaderName() : null,
                field.equals("query-string") ? c.queryStrings() : List.of(), List.of(), Set.of(config), false);
    }

    private static void checkValues(String field, List<String> values, int maxLength, String allowed, String allowedText) {
        if (values.isEmpty()) {
            throw ElbErrors.validation("A condition value must be specified");
        }
        for (String v : values) {
            if (v.length() > maxLength) {
                throw ElbErrors.validation("The '" + field + "' value is too long; the limit is '" + maxLength + "'");
            }
            if (!v.matches(allowed)) {
                throw ElbErrors.validation(field.equals("http-request-method")
                        ? "The 'http-request-method' value is invalid; the allowed characters are A-Z, hyphen and underscore"
                        : "The '" + field + "' value '" + v + "' is invalid; the allowed characters are " + allowedText);
            }
        }
    }

    private static void checkHttpHeader(RuleCondition c, List<String> values) {
        String name = c.httpHeaderName();
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A 'HttpHeaderName' must be specified with 'http-header'");
        }
        if (name.length() > 40) {
            throw ElbErrors.validation("The 'HttpHeaderName' value is too long; the limit is '40'");
        }
        if (!name.matches("[A-Za-z0-9!#$%&'+.^_`|~-]+")) {
            throw ElbErrors.validation("The 'HttpHeaderName' value '" + name + "' is not a valid HTTP header name");
        }
        if (values.isEmpty()) {
            throw ElbErrors.validation("A condition value must be specified");
        }
        for (String v : values) {
            if (v.length() > 128) {
                throw ElbErrors.validation("The 'http-header' value is too long; the limit is '128'");
            }
        }
    }

    private static void checkQueryStrings(RuleCondition c) {
        if (c.queryStrings().isEmpty()) {
            throw ElbErrors.validation("A condition value must be specified");
        }
        for (RuleCondition.QueryString q : c.queryStrings()) {
            if (q.value() == null || q.value().isEmpty()) {
                throw ElbErrors.validation("A 'Value' must be specified in 'QueryStringKeyValuePair'");
            }
            if (q.key() != null && q.key().length() > 128) {
                throw ElbErrors.validation("The 'Key' value is too long; the limit is '128'");
            }
            if (q.value().length() > 128) {
                throw ElbErrors.validation("The 'Value' value is too long; the limit is '128'");
            }
        }
    }

    private static void checkSourceIps(List<String> values) {
        if (values.isEmpty()) {
            throw ElbErrors.validation("A 'source-ip' value must be specified");
        }
        for (String v : values) {
            if (!isCidr(v)) {
                throw ElbErrors.validation("The 'source-ip' value '" + v + "' is not a valid CIDR block");
            }
        }
    }

    /** An IPv4 or IPv6 address with a prefix length, as source-ip conditions take them. */
    static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return false;
        }
        String address = text.substring(0, slash);
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (Ipv4.parse(address) >= 0) {
            return prefix <= 32;
        }
        return prefix <= 128 && isIpv6(address);
    }

    private static boolean isIpv6(String a) {
        if (!a.matches("[0-9A-Fa-f:]+") || a.contains(":::")) {
            return false;
        }
        int doubleColon = a.indexOf("::");
        if (doubleColon >= 0 && a.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = a.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String g : groups) {
            if (g.equals("x")) {
                continue;
            }
            if (g.isEmpty() && doubleColon < 0) {
                return false;
            }
            if (g.length() > 4) {
                return false;
            }
            if (!g.isEmpty()) {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }

    private static int wildcards(RuleCondition c) {
        if (c.field().equals("query-string")) {
            return c.queryStrings().stream().mapToInt(q -> countWildcards(q.key()) + countWildcards(q.value())).sum();
        }
        if (c.field().equals("host-header") || c.field().equals("path-pattern") || c.field().equals("http-header")) {
            return c.values().stream().mapToInt(RuleConditionRules::countWildcards).sum();
        }
        return 0;
    }

    private static int countWildcards(String s) {
        return s == null ? 0 : (int) s.chars().filter(ch -> ch == '*' || ch == '?').count();
    }
}
