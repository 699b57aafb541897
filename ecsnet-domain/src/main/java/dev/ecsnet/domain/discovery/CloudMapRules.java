package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.common.DomainException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks and messages of Cloud Map's API: names by the model's own patterns, lengths and quotas. */
final class CloudMapRules {
    /** A private DNS namespace's name is a Route 53 zone name: labels of up to 63 characters, 253 in all. */
    static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.)*[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.?");
    /** The API's own patterns for namespace names (botocore NamespaceNameHttp, NamespaceNamePrivate, NamespaceNamePublic). */
    private static final Map<String, String> NAME_PATTERNS = Map.of(
            "HTTP", "^(?!arn:)[!-~]{1,1024}$",
            "DNS_PRIVATE", "^(?!arn:)[!-~]{1,253}$",
            "DNS_PUBLIC", "^([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?$");
    private static final Map<String, Integer> NAME_MAX = Map.of("HTTP", 1024, "DNS_PRIVATE", 253, "DNS_PUBLIC", 253);
    static final int MAX_TAGS = 50;
    /** HealthCheckCustomConfig's FailureThreshold is deprecated: "It will always have value 1." (botocore). */
    static final int CUSTOM_FAILURE_THRESHOLD = 1;
    static final int MAX_SERVICE_ATTRIBUTES = 30;
    static final Pattern SERVICE_NAME = Pattern.compile("((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)");
    static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "SRV", "CNAME");

    private CloudMapRules() {
    }

    static DomainException invalidInput(String message) {
        return DomainException.invalid("InvalidInput", message);
    }

    /** The service's own model-constraint message, as InvalidInput. */
    static DomainException constraint(String value, String member, String rule) {
        return invalidInput("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + rule);
    }

    static DomainException tooManyTags() {
        return DomainException.invalid("TooManyTagsException", "The list of tags on the resource is over the quota."
                + " The maximum number of tags that can be applied to a resource is 50.");
    }

    static void checkDescription(String description) {
        if (description != null && description.length() > 1024) {
            throw constraint(description, "description", "Member must have length less than or equal to 1024");
        }
    }

    /** A namespace's name (by its type's own API pattern), description and tags, as CreateXxxNamespace checks them. */
    static void checkNamespace(String type, String name, String description, Map<String, String> tags) {
        if (name == null || name.isEmpty()) {
            throw invalidInput("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
        }
        if (name.length() > NAME_MAX.get(type)) {
            throw constraint(name, "name", "Member must have length less than or equal to " + NAME_MAX.get(type));
        }
        if (!Pattern.compile(NAME_PATTERNS.get(type)).matcher(name).matches()) {
            throw constraint(name, "name", "Member must satisfy regular expression pattern: " + NAME_PATTERNS.get(type));
        }
        if (type.equals("DNS_PRIVATE") && !DNS_NAME.matcher(name).matches()) {
            throw invalidInput("Namespace name '" + name + "' is not a valid DNS name");
        }
        checkDescription(description);
        if (tags.size() > MAX_TAGS) {
            throw tooManyTags();
        }
    }

    static void checkRecord(DiscoveryService.DnsRecordSpec rec, String routing) {
        if (!RECORD_TYPES.contains(rec.type())) {
            throw invalidInput("Record type " + rec.type() + " is not valid");
        }
        if (rec.ttl() < 0 || rec.ttl() > 2_147_483_647L) {
            throw invalidInput("TTL " + rec.ttl() + " is not valid");
        }
        if (rec.type().equals("CNAME") && routing.equals("MULTIVALUE")) {
            throw invalidInput("CNAME records can't be used with the MULTIVALUE routing policy");
        }
    }

    static void checkAttributeCount(int n) {
        if (n < 1) {
            throw invalidInput("1 validation error detected: Value at 'attributes' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (n > MAX_SERVICE_ATTRIBUTES) {
            throw invalidInput("1 validation error detected: Value at 'attributes' failed to satisfy constraint: Member must have length less than or equal to 30");
        }
    }

    /** Instance attribute keys and values by the model's AttrKey (255, printable) and AttrValue (1,024) constraints. */
    static void checkInstanceAttributes(Map<String, String> attributes) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255 || !e.getKey().matches("[!-~]+")) {
                throw constraint(e.getKey(), "attributes", "Map keys must satisfy constraint: [Member must have length less than or equal to 255,"
                        + " Member must satisfy regular expression pattern: ^[a-zA-Z0-9!-~]+$]");
            }
            if (e.getValue().length() > 1024) {
                throw constraint(e.getValue(), "attributes", "Map values must satisfy constraint: [Member must have length less than or equal to 1024]");
            }
        }
    }
}
