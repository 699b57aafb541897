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

    public static DomainException unsupported(String message) {
        return new DomainException(DomainException.Kind.UNSUPPORTED, "ValidationError", message);
    }
}
