package dev.ecsnet.domain.elb;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ecsnet.domain.elb.ElbWorld.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Target group stickiness attributes checked per protocol as AWS checks them (even while stickiness is off). */
class TargetGroupStickinessTest {
    private final ElbWorld w = new ElbWorld();

    @Test
    void cookieStickinessOnHttpGroupsSourceIpOnTcpGroups() {
        w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.enabled", "true", "stickiness.type", "app_cookie",
                "stickiness.app_cookie.cookie_name", "SESSION", "stickiness.app_cookie.duration_seconds", "3600"));
        assertThat(w.elb.targetGroups().get(w.blue.arn()).attributes()).containsEntry("stickiness.type", "app_cookie")
                .containsEntry("stickiness.app_cookie.cookie_name", "SESSION");
        TargetGroup tcp = w.targetGroup("tcp", "TCP");
        assertThat(tcp.attributes()).containsEntry("stickiness.type", "source_ip");
        w.elb.targetGroups().modifyAttributes(tcp.arn(), Map.of("stickiness.enabled", "true", "stickiness.type", "source_ip"));
        assertThat(w.targetGroup("geneve", "GENEVE").attributes()).containsEntry("stickiness.type", "source_ip_dest_ip_proto");
    }

    @Test
    void refusalsChangeNothing() {
        TargetGroup tcp = w.targetGroup("tcp", "TCP");
        Map<String, String> before = w.elb.targetGroups().get(w.blue.arn()).attributes();
        refused(() -> w.elb.targetGroups().modifyAttributes(tcp.arn(), Map.of("stickiness.enabled", "false", "stickiness.type", "lb_cookie")),
                "InvalidConfigurationRequest", "Stickiness type 'lb_cookie' is not supported for target groups with the TCP protocol");
        refused(() -> w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.type", "source_ip")),
                "InvalidConfigurationRequest", "Stickiness type 'source_ip' is not supported for target groups with the HTTP protocol");
        refused(() -> w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.type", "cookie")), "ValidationError",
                "'cookie' is not a valid value for the attribute 'stickiness.type'. Valid values are: lb_cookie, app_cookie, source_ip,"
                        + " source_ip_dest_ip, source_ip_dest_ip_proto");
        refused(() -> w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.enabled", "true", "stickiness.type", "app_cookie")),
                "InvalidConfigurationRequest", "You must set an application cookie name to enable stickiness of type 'app_cookie'");
        refused(() -> w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.lb_cookie.duration_seconds", "604801")),
                "ValidationError", "'604801' is not a valid value for the attribute 'stickiness.lb_cookie.duration_seconds'."
                        + " The value must be between 1 and 604800 seconds");
        refused(() -> w.elb.targetGroups().modifyAttributes(w.blue.arn(), Map.of("stickiness.app_cookie.cookie_name", "AWSALBAPP-1")),
                "ValidationError", "The application cookie name 'AWSALBAPP-1' is not valid: names that start with AWSALB, AWSALBAPP or AWSALBTG"
                        + " are reserved for the load balancer");
        assertThat(w.elb.targetGroups().get(w.blue.arn()).attributes()).isEqualTo(before);
        assertThat(w.elb.targetGroups().get(tcp.arn()).attributes()).containsEntry("stickiness.type", "source_ip");
    }
}
