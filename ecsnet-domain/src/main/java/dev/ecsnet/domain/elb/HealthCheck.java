package dev.ecsnet.domain.elb;

/**
 * A target group's health check settings. {@code port} is {@code traffic-port} or a number; {@code path} and
 * {@code matcher} are null for TCP checks.
 */
public record HealthCheck(boolean enabled, String protocol, String port, String path, int intervalSeconds,
                          int timeoutSeconds, int healthyThresholdCount, int unhealthyThresholdCount, String matcher,
                          String grpcMatcher) {

    /** AWS's defaults for a target group of this protocol and target type. */
    public static HealthCheck defaults(String protocol, String targetType) {
        if ("lambda".equals(targetType)) {
            return new HealthCheck(false, null, null, "/", 35, 30, 5, 2, "200", null);
        }
        if ("HTTP".equals(protocol) || "HTTPS".equals(protocol)) {
            return new HealthCheck(true, protocol, "traffic-port", "/", 30, 5, 5, 2, "200", null);
        }
        return new HealthCheck(true, "TCP", "traffic-port", null, 30, 10, 5, 2, null, null);
    }

    public boolean isHttp() {
        return "HTTP".equals(protocol) || "HTTPS".equals(protocol);
    }

    /** The port the check connects to for a target registered on {@code targetPort}. */
    public int portFor(int targetPort) {
        return port == null || "traffic-port".equals(port) ? targetPort : Integer.parseInt(port);
    }
}
