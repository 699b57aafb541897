package dev.ecsnet.domain.autoscaling;

/** One tag of an Auto Scaling group; propagated tags are put on every instance the group launches. */
public record GroupTag(String key, String value, boolean propagateAtLaunch) {
}
