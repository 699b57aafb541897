package dev.ecsnet.domain.ecs;

/** SKELETON (issue 12, to be filled): Ecs's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record EcsRecord() {
}
