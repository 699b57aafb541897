package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.DomainException;

/** ELBv2's error codes and messages, as the Query API answers them (HTTP 400, {@code Type Sender}). */
public final class ElbErrors {
    private ElbErrors() {
    }

    public static DomainException validation(String message) {
        return DomainException.invalid("ValidationError", message);
    }

    public static DomainException loadBalancerNotFound() {
        return DomainException.notFound("LoadBalancerNotFound", "One or more load balancers not found");
    }

    public static DomainException targetGroupNotFound() {
        return DomainException.notFound("TargetGroupNotFound", "One or more target groups not found");
    }

    public static DomainException listenerNotFound() {
        return DomainException.notFound("ListenerNotFound", "One or more listeners not found");
    }

    public static DomainException ruleNotFound() {
        return DomainException.notFound("RuleNotFound", "One or more rules not found");
    }

    public static DomainException invalidConfiguration(String message) {
        return DomainException.invalid("InvalidConfigurationRequest", message);
    }

    public static DomainException operationNotPermitted(String message) {
        return DomainException.invalid("OperationNotPermitted", message);
    }

    public static DomainException resourceInUse(String message) {
        return DomainException.dependency("ResourceInUse", message);
    }

    public static DomainException invalidTarget(String message) {
        return DomainException.invalid("InvalidTarget", message);
    }

    public static DomainException duplicateTargetGroupName(String name) {
        return DomainException.conflict("DuplicateTargetGroupName", "A target group with the same name '" + name + "' exists, but with different settings");
    }

    public static DomainException duplicateLoadBalancerName(String name) {
        return DomainException.conflict("DuplicateLoadBalancerName", "A load balancer with the same name '" + name + "' exists, but with different settings");
    }

    public static DomainException duplicateListener(String lbArn) {
        return DomainException.conflict("DuplicateListener", "A listener already exists on this port for this load balancer '" + lbArn + "'");
    }

    public static DomainException priorityInUse(int priority) {
        return DomainException.conflict("PriorityInUse", "Priority '" + priority + "' is currently in use");
    }

    public static DomainException associationLimit(String tgArn) {
        return DomainException.invalid("TargetGroupAssociationLimit",
                "The following target groups cannot be associated with more than one load balancer: " + tgArn);
    }

    public static DomainException invalidAction(String message) {
        return DomainException.invalid("InvalidLoadBalancerAction", message);
    }

    // ---- the service's own model-constraint messages ("1 validation error detected: ...") --------------------

    static DomainException memberNull(String path) {
        return validation("1 validation error detected: Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
    }

    static DomainException memberEnum(String value, String path, java.util.List<String> values) {
        return constraint(value, path, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
    }

    static DomainException memberPattern(String value, String path, String pattern) {
        return constraint(value, path, "Member must satisfy regular expression pattern: " + pattern);
    }

    static DomainException memberAtLeast(long value, String path, long min) {
        return constraint(String.valueOf(value), path, "Member must have value greater than or equal to " + min);
    }

    static DomainException memberAtMost(long value, String path, long max) {
        return constraint(String.valueOf(value), path, "Member must have value less than or equal to " + max);
    }

    static DomainException memberLength(String value, String path, int min, int max) {
        return constraint(value, path, value.length() < min ? "Member must have length greater than or equal to " + min
                : "Member must have length less than or equal to " + max);
    }

    private static DomainException constraint(String value, String path, String rule) {
        return validation("1 validation error detected: Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + rule);
    }

    public static DomainException unsupported(String message) {
        return new DomainException(DomainException.Kind.UNSUPPORTED, "ValidationError", message);
    }
}
