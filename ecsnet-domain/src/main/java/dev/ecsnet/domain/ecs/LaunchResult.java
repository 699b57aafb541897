package dev.ecsnet.domain.ecs;

import java.util.List;

/** What RunTask or StartTask produced: the tasks launched and, on EC2, the placements that failed. */
public record LaunchResult(List<Task> tasks, List<Failure> failures) {
    public LaunchResult {
        tasks = List.copyOf(tasks);
        failures = List.copyOf(failures);
    }

    /** A RunTask/StartTask {@code failures[]} entry: usually the container instance ARN, and ECS's reason. */
    public record Failure(String arn, String reason) {
    }
}
