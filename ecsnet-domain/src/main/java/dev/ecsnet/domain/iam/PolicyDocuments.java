package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks IAM makes of an identity-based (managed) policy document, in IAM's order, each failure with IAM's
 * {@code MalformedPolicyDocument} message: JSON syntax and grammar, version, legacy parsing (case-sensitive
 * effects), unique statement ids, actions and resources present, resources as ARNs, actions prefixed by a vendor.
 * The size quota for managed policies is 6,144 characters, not counting white space.
 */
final class PolicyDocuments {
    static final int MAX_MANAGED_POLICY_SIZE = 6144;
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition",
            "Principal", "NotPrincipal");
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");

    private PolicyDocuments() {
    }

    static void checkManaged(PolicyDocument d) {
        if (d.text().chars().filter(c -> !Character.isWhitespace(c)).count() > MAX_MANAGED_POLICY_SIZE) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "LimitExceeded", "Cannot exceed quota for PolicySize: " + MAX_MANAGED_POLICY_SIZE);
        }
        List<Map<String, Object>> statements = syntax(d);
        Map<String, Object> root = map(d.tree().orElseThrow());
        if (statements.stream().anyMatch(s -> s.containsKey("Principal") || s.containsKey("NotPrincipal"))) {
            throw malformed("Policy document should not specify a principal.");
        }
        if (!"2012-10-17".equals(root.get("Version"))) {
            throw malformed("Policy document must be version 2012-10-17 or greater.");
        }
        if (statements.stream().anyMatch(s -> !List.of("Allow", "Deny").contains(s.get("Effect")))) {
            throw malformed("The policy failed legacy parsing");
        }
        Set<String> sids = new HashSet<>();
        for (Map<String, Object> s : statements) {
            if (s.get("Sid") instanceof String sid && !sid.isEmpty() && !sids.add(sid)) {
                throw malformed("Statement IDs (SID) in a single policy must be unique.");
            }
        }
        for (Map<String, Object> s : statements) {
            if (strings(s, "Action").isEmpty() && strings(s, "NotAction").isEmpty()) {
                throw malformed("Policy statement must contain actions.");
            }
        }
        for (Map<String, Object> s : statements) {
            if (strings(s, "Resource").isEmpty() && strings(s, "NotResource").isEmpty()) {
                throw malformed("Policy statement must contain resources.");
            }
        }
        for (Map<String, Object> s : statements) {
            for (String r : concat(strings(s, "Resource"), strings(s, "NotResource"))) {
                if (!r.equals("*") && !r.contains(":")) {
                    throw malformed("Resource " + r + " must be in ARN format or \"*\".");
                }
            }
        }
        for (Map<String, Object> s : statements) {
            for (String a : concat(strings(s, "Action"), strings(s, "NotAction"))) {
                String[] parts = a.split(":", -1);
                if (parts.length == 1 && !a.equals("*")) {
                    throw malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
                }
                if (parts.length > 2) {
                    throw malformed("Actions/Condition can contain only one colon.");
                }
                if (!parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
                    throw malformed("Vendor " + parts[0] + " is not valid");
                }
            }
        }
    }

    /** The statements, after the grammar checks that IAM answers with "Syntax errors in policy.". */
    private static List<Map<String, Object>> syntax(PolicyDocument d) {
        if (!(d.tree().orElse(null) instanceof Map<?, ?> rootMap) || !TOP.containsAll(rootMap.keySet())) {
            throw syntaxError();
        }
        Map<String, Object> root = map(rootMap);
        if (root.containsKey("Version") && !List.of("2008-10-17", "2012-10-17").contains(root.get("Version"))
                || root.containsKey("Id") && !(root.get("Id") instanceof String)) {
            throw syntaxError();
        }
        List<Map<String, Object>> statements = new ArrayList<>();
        Object st = root.get("Statement");
        if (st instanceof Map<?, ?> one) {
            statements.add(map(one));
        } else if (st instanceof List<?> many && !many.isEmpty()) {
            for (Object o : many) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw syntaxError();
                }
                statements.add(map(m));
            }
        } else {
            throw syntaxError();
        }
        for (Map<String, Object> s : statements) {
            boolean ok = STATEMENT.containsAll(s.keySet())
                    && !(s.containsKey("Resource") && s.containsKey("NotResource"))
                    && !(s.containsKey("Action") && s.containsKey("NotAction"))
                    && s.get("Effect") instanceof String e && List.of("allow", "deny").contains(e.toLowerCase(java.util.Locale.ROOT))
                    && List.of("Action", "NotAction", "Resource", "NotResource").stream().allMatch(k -> stringOrStrings(s.get(k)))
                    && (!s.containsKey("Sid") || s.get("Sid") instanceof String)
                    && (!s.containsKey("Condition") || s.get("Condition") instanceof Map<?, ?> c && c.values().stream().allMatch(v -> v instanceof Map));
            if (!ok) {
                throw syntaxError();
            }
        }
        return statements;
    }

    private static boolean stringOrStrings(Object v) {
        return v == null || v instanceof String || v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
    }

    private static List<String> strings(Map<String, Object> s, String key) {
        Object v = s.get(key);
        if (v instanceof String str) {
            return List.of(str);
        }
        return v instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static DomainException syntaxError() {
        return malformed("Syntax errors in policy.");
    }

    private static DomainException malformed(String message) {
        return DomainException.invalid("MalformedPolicyDocument", message);
    }
}
