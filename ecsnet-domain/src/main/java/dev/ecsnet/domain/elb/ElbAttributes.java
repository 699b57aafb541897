package dev.ecsnet.domain.elb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * AWS's full default attribute lists for load balancers, target groups and listeners, so that clients that read
 * every attribute back (Terraform) see what they would see on AWS. Modify calls may only set known keys.
 */
public final class ElbAttributes {
    private ElbAttributes() {
    }

    public static Map<String, String> loadBalancerDefaults(String type) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("access_logs.s3.enabled", "false");
        a.put("access_logs.s3.bucket", "");
        a.put("access_logs.s3.prefix", "");
        a.put("deletion_protection.enabled", "false");
        a.put("zonal_shift.config.enabled", "false");
        if ("application".equals(type)) {
            a.put("idle_timeout.timeout_seconds", "60");
            a.put("client_keep_alive.seconds", "3600");
            a.put("connection_logs.s3.enabled", "false");
            a.put("connection_logs.s3.bucket", "");
            a.put("connection_logs.s3.prefix", "");
            a.put("health_check_logs.s3.enabled", "false");
            a.put("health_check_logs.s3.bucket", "");
            a.put("health_check_logs.s3.prefix", "");
            a.put("routing.http.desync_mitigation_mode", "defensive");
            a.put("routing.http.drop_invalid_header_fields.enabled", "false");
            a.put("routing.http.preserve_host_header.enabled", "false");
            a.put("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false");
            a.put("routing.http.xff_client_port.enabled", "false");
            a.put("routing.http.xff_header_processing.mode", "append");
            a.put("routing.http2.enabled", "true");
            a.put("waf.fail_open.enabled", "false");
            a.put("load_balancing.cross_zone.enabled", "true");
        } else {
            a.put("load_balancing.cross_zone.enabled", "false");
            a.put("dns_record.client_routing_policy", "any_availability_zone");
            a.put("ipv6.deny_all_igw_traffic", "false");
            a.put("secondary_ips.auto_assigned.per_subnet", "0");
        }
        return a;
    }

    public static Map<String, String> targetGroupDefaults(String targetType, String protocol) {
        Map<String, String> a = new LinkedHashMap<>();
        if ("lambda".equals(targetType)) {
            a.put("lambda.multi_value_headers.enabled", "false");
            return a;
        }
        a.put("deregistration_delay.timeout_seconds", "300");
        a.put("stickiness.enabled", "false");
        a.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
        a.put("target_group_health.dns_failover.minimum_healthy_targets.count", "1");
        a.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off");
        a.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1");
        a.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
        if ("HTTP".equals(protocol) || "HTTPS".equals(protocol)) {
            a.put("stickiness.type", "lb_cookie");
            a.put("stickiness.lb_cookie.duration_seconds", "86400");
            a.put("stickiness.app_cookie.cookie_name", "");
            a.put("stickiness.app_cookie.duration_seconds", "86400");
            a.put("slow_start.duration_seconds", "0");
            a.put("load_balancing.algorithm.type", "round_robin");
            a.put("load_balancing.algorithm.anomaly_mitigation", "off");
        } else {
            a.put("stickiness.type", "GENEVE".equals(protocol) ? "source_ip_dest_ip_proto" : "source_ip");
            a.put("deregistration_delay.connection_termination.enabled", "false");
            a.put("preserve_client_ip.enabled", "instance".equals(targetType) || "UDP".equals(protocol) || "TCP_UDP".equals(protocol) ? "true" : "false");
            a.put("proxy_protocol_v2.enabled", "false");
            a.put("target_health_state.unhealthy.connection_termination.enabled", "true");
            a.put("target_health_state.unhealthy.draining_interval_seconds", "0");
        }
        return a;
    }

    public static Map<String, String> listenerDefaults(String protocol) {
        Map<String, String> a = new LinkedHashMap<>();
        switch (protocol == null ? "" : protocol) {
            case "HTTP", "HTTPS" -> a.put("routing.http.response.server.enabled", "true");
            case "TCP" -> a.put("tcp.idle_timeout.seconds", "350");
            default -> {
                // TLS, UDP and TCP_UDP listeners have no attributes
            }
        }
        return a;
    }

    private static final Set<String> EXTRA_LISTENER_KEYS = Set.of(
            "routing.http.response.strict_transport_security.header_value",
            "routing.http.response.access_control_allow_origin.header_value",
            "routing.http.response.access_control_allow_methods.header_value",
            "routing.http.response.access_control_allow_headers.header_value",
            "routing.http.response.access_control_allow_credentials.header_value",
            "routing.http.response.access_control_expose_headers.header_value",
            "routing.http.response.access_control_max_age.header_value",
            "routing.http.response.content_security_policy.header_value",
            "routing.http.response.x_content_type_options.header_value",
            "routing.http.response.x_frame_options.header_value");

    /** Applies changes after checking every key against the known ones; nothing changes if one key is unknown. */
    static void modify(Map<String, String> current, Map<String, String> changes, Set<String> extraKeys) {
        check(current, changes, extraKeys);
        current.putAll(changes);
    }

    /** Checks every key against the known ones and the values that have a fixed form. */
    static void check(Map<String, String> current, Map<String, String> changes, Set<String> extraKeys) {
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!current.containsKey(e.getKey()) && !extraKeys.contains(e.getKey())) {
                throw ElbErrors.validation("Attribute '" + e.getKey() + "' is not recognized");
            }
            if (e.getKey().equals("deregistration_delay.timeout_seconds")) {
                int v = parseInt(e.getValue(), e.getKey());
                if (v < 0 || v > 3600) {
                    throw ElbErrors.validation("'" + e.getValue() + "' is not a valid value for the attribute '" + e.getKey()
                            + "'. The value must be between 0 and 3600 seconds");
                }
            }
            if (e.getKey().endsWith(".enabled") && !e.getValue().equals("true") && !e.getValue().equals("false")
                    && !e.getKey().equals("load_balancing.cross_zone.enabled")) {
                throw ElbErrors.validation("'" + e.getValue() + "' is not a valid value for the attribute '" + e.getKey() + "'");
            }
        }
    }

    static Set<String> listenerExtraKeys() {
        return EXTRA_LISTENER_KEYS;
    }

    private static int parseInt(String value, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ElbErrors.validation("'" + value + "' is not a valid value for the attribute '" + key + "'");
        }
    }
}
