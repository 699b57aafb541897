package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.List;

/** RunTask's placementConstraints and placementStrategy (EC2 launch type only). */
public record Ec2Options(List<PlacementRequest.Constraint> constraints, List<PlacementRequest.Strategy> strategies) {
    public static final Ec2Options NONE = new Ec2Options(List.of(), List.of());

    public Ec2Options {
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
    }
}
