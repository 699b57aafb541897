package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ecs.placement.TaskNeeds;

import java.util.List;

/** Where an EC2 launch type task runs: its container instance, its host port bindings, and how its ENI is attached. */
public record Ec2Placement(ContainerInstance containerInstance, List<TaskNeeds.PortMapping> bindings, boolean branchEni,
                           int deviceIndex) {
    public Ec2Placement {
        bindings = List.copyOf(bindings);
    }
}
