package dev.ecsnet.domain.elb;

import java.util.List;

/**
 * One action of a listener or rule: {@code forward} (to weighted target groups), {@code fixed-response} or
 * {@code redirect}. {@code targetGroupArn} is what the caller gave as TargetGroupArn (AWS echoes it, and also
 * answers a one-group ForwardConfig with it); {@code order} is null when the caller gave none.
 */
public record ListenerAction(String type, Integer order, String targetGroupArn, List<WeightedTargetGroup> targetGroups,
                             Stickiness stickiness, FixedResponse fixedResponse, Redirect redirect) {

    public ListenerAction {
        targetGroups = List.copyOf(targetGroups);
    }

    public record WeightedTargetGroup(String targetGroupArn, Integer weight) {
    }

    public record Stickiness(boolean enabled, Integer durationSeconds) {
    }

    public record FixedResponse(String statusCode, String contentType, String messageBody) {
    }

    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    public boolean isForward() {
        return "forward".equals(type);
    }
}
