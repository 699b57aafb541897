package dev.ecsnet.domain.autoscaling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * AWS's texts for scaling activities, in one place. A cause is one or more sentences, each starting
 * {@code At <time>Z}, joined by two spaces as AWS joins them: first what changed the desired capacity (a user
 * request), then what the group did about it. Sources are in docs/aws-behaviour.md ("Auto Scaling").
 */
final class ScalingCauses {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ScalingCauses() {
    }

    static String at(Instant t) {
        return "At " + AT.format(t) + " ";
    }

    static String created(Instant t, int from, int to) {
        return at(t) + "a user request created an AutoScalingGroup changing the desired capacity from " + from + " to " + to + ".";
    }

    static String updated(Instant t, int min, int max, int desired, int from) {
        return at(t) + "a user request update of AutoScalingGroup constraints to min: " + min + ", max: " + max + ", desired: " + desired
                + " changing the desired capacity from " + from + " to " + desired + ".";
    }

    /** SetDesiredCapacity's {@code trigger} is "a user request explicitly set group desired capacity". */
    static String desiredChanged(Instant t, String trigger, int from, int to) {
        return at(t) + trigger + " changing the desired capacity from " + from + " to " + to + ".";
    }

    /** ecsnet's words: AWS documents that deleting a group sets its sizes to 0, not the sentence it writes then. */
    static String deleted(Instant t, int from) {
        return at(t) + "a user request deleted the AutoScalingGroup changing the desired capacity from " + from + " to 0.";
    }

    static String launched(Optional<String> trigger, Instant t, int from, int to) {
        return prefix(trigger) + at(t) + "an instance was started in response to a difference between desired and actual capacity, "
                + "increasing the capacity from " + from + " to " + to + ".";
    }

    static String scaledIn(Optional<String> trigger, Instant t, int from, int to, String instanceId) {
        return prefix(trigger) + at(t) + "an instance was taken out of service in response to a difference between desired and actual "
                + "capacity, shrinking the capacity from " + from + " to " + to + ".  " + at(t) + "instance " + instanceId
                + " was selected for termination.";
    }

    static String userTerminated(Instant t, String instanceId, Optional<int[]> shrink) {
        return at(t) + "instance " + instanceId + " was taken out of service in response to a user request"
                + shrink.map(s -> ", shrinking the capacity from " + s[0] + " to " + s[1]).orElse("") + ".";
    }

    static String healthCheckFailed(Instant t) {
        return at(t) + "an instance was taken out of service in response to a EC2 health check indicating it has been terminated or stopped.";
    }

    static String launchFailed(String ec2Message) {
        String m = ec2Message.endsWith(".") ? ec2Message.substring(0, ec2Message.length() - 1) : ec2Message;
        return m + ". Launching EC2 instance failed.";
    }

    static String suspendedAt(Instant t) {
        return "User suspended at " + AT.format(t);
    }

    static String details(String subnetId, String zone) {
        return subnetId == null ? "{\"Availability Zone\":\"" + zone + "\"}"
                : "{\"Subnet ID\":\"" + subnetId + "\",\"Availability Zone\":\"" + zone + "\"}";
    }

    private static String prefix(Optional<String> trigger) {
        return trigger.map(s -> s + "  ").orElse("");
    }
}
