package dev.ecsnet.domain.ecs.placement;

import java.util.Map;
import java.util.Set;

/**
 * What placement sees of one ACTIVE container instance at the moment of a decision: what is left of its
 * resources, its attributes, and how many tasks of each group it runs. Built fresh for every decision.
 *
 * @param attributes   attribute name → value ("" for name-only capabilities such as {@code ecs.capability.task-eni})
 * @param freeEniSlots awsvpc tasks it can still take (ENIs without trunking, branch ENIs with it)
 * @param usedTcpPorts host TCP ports taken (the agent's reserved ports, static and dynamic bindings)
 * @param groupCounts  task group ({@code family:web}, {@code service:web}) → tasks not yet stopped
 */
public record Host(String containerInstanceArn, String ec2InstanceId, String availabilityZone, String vpcId,
                   Map<String, String> attributes, int remainingCpu, int remainingMemory, int freeEniSlots,
                   Set<Integer> usedTcpPorts, Set<Integer> usedUdpPorts, Map<String, Integer> groupCounts) {
    public Host {
        attributes = Map.copyOf(attributes);
        usedTcpPorts = Set.copyOf(usedTcpPorts);
        usedUdpPorts = Set.copyOf(usedUdpPorts);
        groupCounts = Map.copyOf(groupCounts);
    }

    /** The short id at the end of the container instance ARN, as service events name it. */
    public String containerInstanceId() {
        return containerInstanceArn.substring(containerInstanceArn.lastIndexOf('/') + 1);
    }

    public int tasksOf(String group) {
        return groupCounts.getOrDefault(group, 0);
    }
}
