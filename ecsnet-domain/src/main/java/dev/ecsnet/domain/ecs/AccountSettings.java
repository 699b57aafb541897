package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECS account settings. A value set for a principal overrides the account default; the account default (set with
 * PutAccountSettingDefault, or PutAccountSetting for the root user) overrides AWS's own default.
 */
public final class AccountSettings {

    /** One setting as ListAccountSettings shows it. */
    public record Setting(String name, String value, String principalArn, String type) {
    }

    /** SettingName enum of the API model, with each setting's allowed values (first = AWS's default). */
    private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("serviceLongArnFormat", List.of("enabled", "disabled"));
        ALLOWED.put("taskLongArnFormat", List.of("enabled", "disabled"));
        ALLOWED.put("containerInstanceLongArnFormat", List.of("enabled", "disabled"));
        ALLOWED.put("awsvpcTrunking", List.of("disabled", "enabled"));
        ALLOWED.put("containerInsights", List.of("disabled", "enabled", "enhanced"));
        ALLOWED.put("fargateFIPSMode", List.of("disabled", "enabled"));
        ALLOWED.put("tagResourceAuthorization", List.of("on", "off"));
        ALLOWED.put("fargateTaskRetirementWaitPeriod", List.of("7", "0", "14"));
        ALLOWED.put("guardDutyActivate", List.of("off", "on"));
        ALLOWED.put("defaultLogDriverMode", List.of("blocking", "non-blocking"));
        ALLOWED.put("fargateEventWindows", List.of("disabled", "enabled"));
        // not in the SDK's SettingName enum, yet ECS accepts it: an awsvpc task in a dual-stack subnet gets an IPv6 address
        ALLOWED.put("dualStackIPv6", List.of("disabled", "enabled"));
    }

    private static final Set<String> NAMES = java.util.Collections.unmodifiableSet(ALLOWED.keySet());

    private final String rootPrincipal;
    private final Map<String, String> accountDefaults = new LinkedHashMap<>();
    /** principal ARN → name → value, for principals other than the root user. */
    private final Map<String, Map<String, String>> byPrincipal = new LinkedHashMap<>();

    AccountSettings(String rootPrincipal) {
        this.rootPrincipal = rootPrincipal;
    }

    public static Set<String> names() {
        return NAMES;
    }

    /** PutAccountSetting; the root user's setting is the account default. */
    public Setting put(String name, String value, Optional<String> principalArn) {
        String principal = principalArn.orElse(rootPrincipal);
        check(name, value);
        if (principal.equals(rootPrincipal)) {
            accountDefaults.put(name, value);
        } else {
            byPrincipal.computeIfAbsent(principal, p -> new LinkedHashMap<>()).put(name, value);
        }
        return new Setting(name, value, principal, "user");
    }

    public Setting putDefault(String name, String value) {
        check(name, value);
        accountDefaults.put(name, value);
        return new Setting(name, value, rootPrincipal, "user");
    }

    /** Removes the principal's own value and answers with it; the effective value then falls back to the default. */
    public Setting delete(String name, Optional<String> principalArn) {
        checkName(name);
        String principal = principalArn.orElse(rootPrincipal);
        String removed = principal.equals(rootPrincipal) ? accountDefaults.remove(name)
                : byPrincipal.getOrDefault(principal, new LinkedHashMap<>()).remove(name);
        return new Setting(name, removed != null ? removed : effective(principal, name), principal, "user");
    }

    /** The value that applies to {@code principalArn} (the root user when empty). Later features read this. */
    public String effective(String principalArn, String name) {
        checkName(name);
        String own = byPrincipal.getOrDefault(principalArn, Map.of()).get(name);
        if (own != null) {
            return own;
        }
        return accountDefaults.getOrDefault(name, ALLOWED.get(name).get(0));
    }

    /**
     * ListAccountSettings. Without {@code effective} only values set explicitly for the principal are listed; with
     * it, every setting with the value that applies. {@code value} filters on the value.
     */
    public List<Setting> list(Optional<String> name, Optional<String> value, Optional<String> principalArn, boolean effective) {
        name.ifPresent(this::checkName);
        String principal = principalArn.orElse(rootPrincipal);
        List<Setting> out = new ArrayList<>();
        for (String n : NAMES) {
            if (name.isPresent() && !name.get().equals(n)) {
                continue;
            }
            String v;
            if (effective) {
                v = effective(principal, n);
            } else {
                v = principal.equals(rootPrincipal) ? accountDefaults.get(n) : byPrincipal.getOrDefault(principal, Map.of()).get(n);
            }
            if (v != null && value.map(v::equals).orElse(true)) {
                out.add(new Setting(n, v, principal, "user"));
            }
        }
        return out;
    }

    /** The root user's values (the account defaults), as set. */
    Map<String, String> accountDefaults() {
        return java.util.Collections.unmodifiableMap(accountDefaults);
    }

    /** Other principals' own values, principal by principal, as set. */
    Map<String, Map<String, String>> byPrincipal() {
        return java.util.Collections.unmodifiableMap(byPrincipal);
    }

    void restore(Map<String, String> defaults, Map<String, Map<String, String>> principals) {
        accountDefaults.clear();
        accountDefaults.putAll(defaults);
        byPrincipal.clear();
        principals.forEach((p, values) -> byPrincipal.put(p, new LinkedHashMap<>(values)));
    }

    private void check(String name, String value) {
        checkName(name);
        if (value == null || !ALLOWED.get(name).contains(value)) {
            throw EcsErrors.invalidParameter("Invalid setting 'value'");
        }
    }

    private void checkName(String name) {
        if (name == null || !ALLOWED.containsKey(name)) {
            throw EcsErrors.invalidParameter("Invalid setting 'name'");
        }
    }
}
