package dev.ecsnet.domain.elb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stickiness attributes of a target group as AWS checks them on ModifyTargetGroupAttributes: the type fits
 * the group's protocol (cookies for HTTP/HTTPS, source_ip for TCP/TLS/UDP/TCP_UDP, the 2- and 3-tuple types for
 * GENEVE) even while stickiness is disabled, durations are 1 second to 7 days, and app_cookie stickiness needs a
 * cookie name that is not one of the load balancer's own.
 */
final class TargetGroupAttributeRules {
    static final List<String> STICKINESS_TYPES = List.of("lb_cookie", "app_cookie", "source_ip", "source_ip_dest_ip", "source_ip_dest_ip_proto");
    private static final Set<String> HTTP_TYPES = Set.of("lb_cookie", "app_cookie");
    private static final Set<String> GENEVE_TYPES = Set.of("source_ip_dest_ip", "source_ip_dest_ip_proto");
    private static final List<String> RESERVED_COOKIE_PREFIXES = List.of("AWSALB", "AWSALBAPP", "AWSALBTG");

    private TargetGroupAttributeRules() {
    }

    static void check(TargetGroup g, Map<String, String> current, Map<String, String> changes) {
        String protocol = g.protocol().orElse("");
        String type = changes.get("stickiness.type");
        if (type != null) {
            if (!STICKINESS_TYPES.contains(type)) {
                throw ElbErrors.validation("'" + type + "' is not a valid value for the attribute 'stickiness.type'. Valid values are: "
                        + String.join(", ", STICKINESS_TYPES));
            }
            if (!allowed(protocol).contains(type)) {
                throw ElbErrors.invalidConfiguration("Stickiness type '" + type + "' is not supported for target groups with the "
                        + protocol + " protocol");
            }
        }
        for (String key : List.of("stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds")) {
            String v = changes.get(key);
            if (v != null && !inRange(v)) {
                throw ElbErrors.validation("'" + v + "' is not a valid value for the attribute '" + key
                        + "'. The value must be between 1 and 604800 seconds");
            }
        }
        String cookie = changes.get("stickiness.app_cookie.cookie_name");
        if (cookie != null && !cookie.isEmpty()) {
            if (RESERVED_COOKIE_PREFIXES.stream().anyMatch(cookie::startsWith)) {
                throw ElbErrors.validation("The application cookie name '" + cookie
                        + "' is not valid: names that start with AWSALB, AWSALBAPP or AWSALBTG are reserved for the load balancer");
            }
            if (cookie.length() > 256 || !cookie.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw ElbErrors.validation("The application cookie name '" + cookie + "' is not a valid cookie name");
            }
        }
        Map<String, String> after = new HashMap<>(current);
        after.putAll(changes);
        boolean enabled = "true".equals(after.get("stickiness.enabled"));
        if (enabled && "app_cookie".equals(after.get("stickiness.type")) && after.getOrDefault("stickiness.app_cookie.cookie_name", "").isEmpty()) {
            throw ElbErrors.invalidConfiguration("You must set an application cookie name to enable stickiness of type 'app_cookie'");
        }
    }

    private static Set<String> allowed(String protocol) {
        return switch (protocol) {
            case "HTTP", "HTTPS" -> HTTP_TYPES;
            case "GENEVE" -> GENEVE_TYPES;
            default -> Set.of("source_ip");
        };
    }

    private static boolean inRange(String v) {
        if (!v.matches("\\d{1,7}")) {
            return false;
        }
        int n = Integer.parseInt(v);
        return n >= 1 && n <= ListenerActionRules.MAX_STICKINESS_SECONDS;
    }
}
