package dev.ecsnet.domain.ecs.placement;

import java.util.Optional;

/** One step of the placement pipeline: empty when the host can take the task, else ECS's failure reason. */
@FunctionalInterface
public interface FeasibilityCheck {
    Optional<String> reject(Host host, PlacementRequest request);
}
