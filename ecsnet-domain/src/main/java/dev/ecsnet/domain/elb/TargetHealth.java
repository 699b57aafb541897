package dev.ecsnet.domain.elb;

/** One target's health as DescribeTargetHealth reports it; {@code reason} and {@code description} are null when healthy. */
public record TargetHealth(String state, String reason, String description) {
    public static final TargetHealth HEALTHY = new TargetHealth("healthy", null, null);
    public static final TargetHealth REGISTERING = new TargetHealth("initial", "Elb.RegistrationInProgress", "Target registration is in progress");
    public static final TargetHealth INITIAL_CHECKS = new TargetHealth("initial", "Elb.InitialHealthChecking", "Initial health checks in progress");
    public static final TargetHealth TIMEOUT = new TargetHealth("unhealthy", "Target.Timeout", "Request timed out");
    public static final TargetHealth DRAINING = new TargetHealth("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
    public static final TargetHealth NOT_REGISTERED = new TargetHealth("unused", "Target.NotRegistered", "Target is not registered to the target group");
    public static final TargetHealth NOT_IN_USE = new TargetHealth("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
    public static final TargetHealth ZONE_NOT_ENABLED = new TargetHealth("unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer");
    public static final TargetHealth INVALID_STATE = new TargetHealth("unused", "Target.InvalidState", "Target is in the stopped state");
    public static final TargetHealth DISABLED = new TargetHealth("unavailable", "Target.HealthCheckDisabled", "Health checks disabled");

    public boolean isHealthy() {
        return "healthy".equals(state);
    }
}
