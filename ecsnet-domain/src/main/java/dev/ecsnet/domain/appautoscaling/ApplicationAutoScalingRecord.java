package dev.ecsnet.domain.appautoscaling;

/** SKELETON (issue 12, to be filled): ApplicationAutoScaling's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record ApplicationAutoScalingRecord() {
}
