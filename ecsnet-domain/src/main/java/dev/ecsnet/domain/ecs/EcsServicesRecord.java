package dev.ecsnet.domain.ecs;

/**
 * SKELETON (issue 12, to be filled): ECS services, their controller's pending work, task sets, capacity providers
 * and Service Connect, as plain data (see docs/design-state.md, "Snapshot records").
 */
public record EcsServicesRecord() {
}
