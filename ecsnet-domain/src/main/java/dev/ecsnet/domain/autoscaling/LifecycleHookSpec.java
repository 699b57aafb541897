package dev.ecsnet.domain.autoscaling;

/**
 * A lifecycle hook given with CreateAutoScalingGroup ({@code LifecycleHookSpecificationList}). Stored and shown, not
 * run: instances do not wait in {@code Pending:Wait} or {@code Terminating:Wait}.
 */
public record LifecycleHookSpec(String name, String transition, String notificationMetadata, int heartbeatTimeout, String defaultResult,
                                String notificationTargetArn, String roleArn) {
}
