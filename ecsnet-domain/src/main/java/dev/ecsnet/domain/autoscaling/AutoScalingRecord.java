package dev.ecsnet.domain.autoscaling;

/** SKELETON (issue 12, to be filled): AutoScaling's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record AutoScalingRecord() {
}
