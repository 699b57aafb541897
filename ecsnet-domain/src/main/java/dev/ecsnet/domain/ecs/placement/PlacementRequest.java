package dev.ecsnet.domain.ecs.placement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One task to place. {@code zones} limits hosts to the Availability Zones of the awsvpc subnets (empty = any);
 * {@code vpcId} is the subnets' VPC for awsvpc tasks.
 */
public record PlacementRequest(TaskNeeds needs, String group, Set<String> zones, Optional<String> vpcId,
                               List<Constraint> constraints, List<Strategy> strategies) {
    public PlacementRequest {
        zones = Set.copyOf(zones);
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
    }

    /** A placement constraint: {@code distinctInstance}, or {@code memberOf} with a cluster query expression. */
    public record Constraint(String type, Optional<String> expression) {
    }

    /** A placement strategy: {@code random}, {@code spread} (field) or {@code binpack} (cpu | memory). */
    public record Strategy(String type, Optional<String> field) {
    }

    /** What ECS does when RunTask names no strategy: spread over zones, then over instances. */
    public static final List<Strategy> DEFAULT_STRATEGIES = List.of(
            new Strategy("spread", Optional.of("attribute:ecs.availability-zone")),
            new Strategy("spread", Optional.of("instanceId")));
}
