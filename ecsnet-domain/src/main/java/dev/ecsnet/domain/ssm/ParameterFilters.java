package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code ParameterFilters} with AWS's errors and applies them. DescribeParameters takes every key but
 * {@code Label}; GetParametersByPath only {@code Type}, {@code KeyId} and {@code Label}. A {@code Label} filter
 * selects the version that carries the label.
 */
final class ParameterFilters {
    private static final Pattern KEY = Pattern.compile("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
    private static final Pattern PATH = Pattern.compile("/[a-zA-Z0-9_.\\-/]*");
    private static final List<String> BY_PATH_KEYS = List.of("Type", "KeyId", "Label");

    enum Use { DESCRIBE, BY_PATH }

    private ParameterFilters() {
    }

    static void validate(List<ParameterFilter> filters, Use use) {
        for (int i = 0; i < filters.size(); i++) {
            String key = filters.get(i).key();
            if (!KEY.matcher(key).matches()) {
                throw SsmErrors.validation("1 validation error detected: Value '" + key + "' at 'parameterFilters." + (i + 1)
                        + ".member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ParameterFilter f : filters) {
            String key = f.key();
            if (use == Use.DESCRIBE && key.equals("Label")) {
                throw invalidKey(key, "[Path, Name, Type, KeyId, Tier]");
            }
            if (use == Use.BY_PATH && !BY_PATH_KEYS.contains(key)) {
                throw invalidKey(key, "[Type, KeyId]");
            }
            if (f.values().isEmpty()) {
                throw SsmErrors.code("InvalidFilterValue", "The following filter values are missing : null for filter key " + key + ".");
            }
            if (!seen.add(key)) {
                throw SsmErrors.code("InvalidFilterKey", "The following filter is duplicated in the request: " + key
                        + ". A request can contain only one occurrence of a specific filter.");
            }
            String option = f.effectiveOption();
            switch (key) {
                case "Path" -> validatePath(f, option);
                case "Tier" -> requireValues(f, List.of("Standard", "Advanced", "Intelligent-Tiering"));
                case "Type" -> requireValues(f, List.of("String", "StringList", "SecureString"));
                default -> {
                }
            }
            List<String> options = key.equals("Name") ? List.of("BeginsWith", "Contains", "Equals")
                    : key.equals("Label") ? List.of("Equals") : List.of("BeginsWith", "Equals");
            if (!key.equals("Path") && !options.contains(option)) {
                // AWS's message leaves Contains out even for names, where it is accepted
                throw SsmErrors.code("InvalidFilterOption", "The following filter option is not valid: " + option
                        + ". Valid options include: " + (key.equals("Label") ? "[Equals]" : "[BeginsWith, Equals]") + ".");
            }
        }
    }

    private static DomainException invalidKey(String key, String valid) {
        return SsmErrors.code("InvalidFilterKey", "The following filter key is not valid: " + key + ". Valid filter keys include: " + valid + ".");
    }

    private static void validatePath(ParameterFilter f, String option) {
        if (!option.equals("Recursive") && !option.equals("OneLevel")) {
            throw SsmErrors.code("InvalidFilterOption", "The following filter option is not valid: " + option
                    + ". Valid options include: [Recursive, OneLevel].");
        }
        for (String value : f.values()) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("/aws") || lower.startsWith("/ssm")) {
                throw SsmErrors.validation("Filters for common parameters can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). "
                        + "When using global parameters, please specify within a global namespace.");
            }
            if (!PATH.matcher(value).matches() || value.contains("//")) {
                throw SsmErrors.validation(PATH_RULES);
            }
        }
    }

    static final String PATH_RULES = "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a "
            + "forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use only letters, numbers, "
            + "or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, "
            + "if specified, must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.";

    private static void requireValues(ParameterFilter f, List<String> valid) {
        for (String value : f.values()) {
            if (!valid.contains(value)) {
                throw SsmErrors.code("InvalidFilterValue", "The following filter value is not valid: " + value
                        + ". Valid values include: " + valid + ".");
            }
        }
    }

    /** The version of {@code p} the filters select (its latest, or the labelled one), or empty when a filter rejects it. */
    static Optional<ParameterVersion> select(Parameter p, List<ParameterFilter> filters) {
        ParameterVersion chosen = p.latest();
        for (ParameterFilter f : filters) {
            if (f.key().equals("Label")) {
                Optional<ParameterVersion> labelled = f.values().stream().map(p::labelled).flatMap(Optional::stream).findFirst();
                if (labelled.isEmpty()) {
                    return Optional.empty();
                }
                chosen = labelled.get();
            }
        }
        for (ParameterFilter f : filters) {
            if (!f.key().equals("Label") && !matches(p, chosen, f)) {
                return Optional.empty();
            }
        }
        return Optional.of(chosen);
    }

    private static boolean matches(Parameter p, ParameterVersion v, ParameterFilter f) {
        String option = f.effectiveOption();
        return switch (f.key()) {
            case "Name" -> f.values().stream().anyMatch(value -> option.equals("Contains") ? v.name().contains(value)
                    : compare(rooted(v.name()), rooted(value), option));
            case "Path" -> f.values().stream().anyMatch(value -> underPath(v.name(), value, option.equals("Recursive")));
            case "Type" -> anyCompare(v.type().wireName(), f.values(), option);
            case "KeyId" -> v.keyId().map(k -> anyCompare(k, f.values(), option)).orElse(false);
            case "Tier" -> anyCompare(v.tier().wireName(), f.values(), option);
            case "DataType" -> anyCompare(v.dataType(), f.values(), option);
            default -> {
                String tagKey = f.key().substring("tag:".length());
                String tagValue = p.tags().get(tagKey);
                yield tagValue != null && anyCompare(tagValue, f.values(), option);
            }
        };
    }

    private static boolean anyCompare(String actual, List<String> values, String option) {
        return values.stream().anyMatch(value -> compare(actual, value, option));
    }

    private static boolean compare(String actual, String value, String option) {
        return option.equals("BeginsWith") ? actual.startsWith(value) : actual.equals(value);
    }

    private static String rooted(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    /** Whether {@code name} lies under {@code path}: directly ({@code OneLevel}) or anywhere below ({@code Recursive}). */
    static boolean underPath(String name, String path, boolean recursive) {
        String base = path.endsWith("/") ? path : path + "/";
        if (!name.startsWith(base) || name.length() == base.length()) {
            return false;
        }
        return recursive || name.indexOf('/', base.length()) < 0;
    }

    /** The deprecated {@code Filters} of DescribeParameters: Name (begins with), Type and KeyId (equal). */
    static List<ParameterFilter> fromLegacy(List<ParameterFilter> legacy) {
        List<ParameterFilter> out = new ArrayList<>();
        for (ParameterFilter f : legacy) {
            if (!List.of("Name", "Type", "KeyId").contains(f.key())) {
                throw SsmErrors.validation("1 validation error detected: Value '" + f.key() + "' at 'filters.1.member.key' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [Name, Type, KeyId]");
            }
            if (f.values().isEmpty()) {
                throw SsmErrors.code("InvalidFilterValue", "The following filter values are missing : null for filter key " + f.key() + ".");
            }
            out.add(new ParameterFilter(f.key(), Optional.of(f.key().equals("Name") ? "BeginsWith" : "Equals"), f.values()));
        }
        return out;
    }
}
