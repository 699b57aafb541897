package dev.ecsnet.domain.elb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static dev.ecsnet.domain.elb.ElbWorld.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule conditions: every field's config, the old Values form, lengths, characters and AWS's per-rule quotas. */
class RuleConditionRulesTest {

    private static RuleCondition legacy(String field, String... values) {
        return new RuleCondition(field, List.of(), null, List.of(), List.of(values), Set.of(), false);
    }

    private static RuleCondition header(String name, String... values) {
        return new RuleCondition("http-header", List.of(values), name, List.of(), List.of(), Set.of("HttpHeaderConfig"), false);
    }

    private static RuleCondition query(String key, String value) {
        return new RuleCondition("query-string", List.of(), null, List.of(new RuleCondition.QueryString(key, value)), List.of(),
                Set.of("QueryStringConfig"), false);
    }

    @Test
    void everyFieldWithItsConfigAndTheOldValuesForm() {
        List<RuleCondition> checked = RuleConditionRules.check(List.of(legacy("host-header", "api.example.com"),
                RuleCondition.of("path-pattern", List.of("/v1/*")), header("X-Canary", "on"), query("version", "1"),
                RuleCondition.of("http-request-method", List.of("GET"))));
        assertThat(checked.get(0)).isEqualTo(RuleCondition.of("host-header", List.of("api.example.com")));
        assertThat(checked).extracting(RuleCondition::field)
                .containsExactly("host-header", "path-pattern", "http-header", "query-string", "http-request-method");
        assertThat(RuleConditionRules.check(List.of(RuleCondition.of("source-ip", List.of("10.0.0.0/8", "2001:db8::/32")))).get(0).values())
                .containsExactly("10.0.0.0/8", "2001:db8::/32");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "six values           | A rule can only have '5' condition values and regex values",
            "six wildcards        | A rule can only have '5' wildcards",
            "two host conditions  | A rule can have only one 'host-header' condition",
            "no field             | A condition field must be specified",
            "unknown field        | Condition field 'cookie' must be one of '[http-header, http-request-method, host-header, path-pattern, query-string, source-ip]'",
            "values and config    | You cannot provide both Values and 'HostHeaderConfig' for a condition of type 'host-header'",
            "two legacy values    | The 'path-pattern' field contains too many values; the limit is '1'",
            "legacy header        | The 'Values' field is not compatible with 'http-header'",
            "foreign config       | You cannot provide 'PathPatternConfig' for a condition of type 'host-header'",
            "no header config     | A 'HttpHeaderConfig' must be specified with 'http-header'",
            "empty values         | A condition value must be specified",
            "long host            | The 'host-header' value is too long; the limit is '128'",
            "method characters    | The 'http-request-method' value is invalid; the allowed characters are A-Z, hyphen and underscore",
            "long header name     | The 'HttpHeaderName' value is too long; the limit is '40'",
            "query without value  | A 'Value' must be specified in 'QueryStringKeyValuePair'",
            "source-ip CIDR       | The 'source-ip' value '10.0.0.300/8' is not a valid CIDR block",
    })
    void refusals(String name, String message) {
        refused(() -> RuleConditionRules.check(conditions(name)), "ValidationError", message);
    }

    private static List<RuleCondition> conditions(String name) {
        return switch (name) {
            case "six values" -> List.of(RuleCondition.of("path-pattern", List.of("/a", "/b", "/c", "/d", "/e", "/f")));
            case "six wildcards" -> List.of(RuleCondition.of("path-pattern", List.of("/a*?", "/b**")), RuleCondition.of("host-header", List.of("*.?.example.com")));
            case "two host conditions" -> List.of(RuleCondition.of("host-header", List.of("a.example.com")), legacy("host-header", "b.example.com"));
            case "no field" -> List.of(new RuleCondition(null, List.of("x"), null, List.of(), List.of(), Set.of(), false));
            case "unknown field" -> List.of(RuleCondition.of("cookie", List.of("x")));
            case "values and config" -> List.of(new RuleCondition("host-header", List.of("a.example.com"), null, List.of(), List.of("b.example.com"),
                    Set.of("HostHeaderConfig"), false));
            case "two legacy values" -> List.of(legacy("path-pattern", "/a", "/b"));
            case "legacy header" -> List.of(legacy("http-header", "x"));
            case "foreign config" -> List.of(new RuleCondition("host-header", List.of("a.example.com"), null, List.of(), List.of(),
                    Set.of("HostHeaderConfig", "PathPatternConfig"), false));
            case "no header config" -> List.of(new RuleCondition("http-header", List.of(), null, List.of(), List.of(), Set.of(), false));
            case "empty values" -> List.of(RuleCondition.of("path-pattern", List.of()));
            case "long host" -> List.of(RuleCondition.of("host-header", List.of("a".repeat(129))));
            case "method characters" -> List.of(RuleCondition.of("http-request-method", List.of("get")));
            case "long header name" -> List.of(header("X".repeat(41), "on"));
            case "query without value" -> List.of(query("version", null));
            default -> List.of(RuleCondition.of("source-ip", List.of("10.0.0.300/8")));
        };
    }
}
