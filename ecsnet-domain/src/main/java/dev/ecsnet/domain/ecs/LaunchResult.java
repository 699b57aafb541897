package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ecs.placement.Placement;

import java.util.List;
import java.util.Optional;

/** What RunTask or StartTask produced: the tasks launched and, on EC2, the placements that failed. */
public record LaunchResult(List<Task> tasks, List<Failure> failures, Optional<Placement.Rejection> closest) {
    public LaunchResult {
        tasks = List.copyOf(tasks);
        failures = List.copyOf(failures);
    }

    public LaunchResult(List<Task> tasks, List<Failure> failures) {
        this(tasks, failures, Optional.empty());
    }

    /** A RunTask/StartTask {@code failures[]} entry: usually the container instance ARN, and ECS's reason. */
    public record Failure(String arn, String reason) {
    }
}
