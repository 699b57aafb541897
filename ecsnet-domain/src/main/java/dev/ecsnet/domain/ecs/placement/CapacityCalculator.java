package dev.ecsnet.domain.ecs.placement;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.SubnetIpPool;

import java.util.ArrayList;
import java.util.List;

/**
 * How many tasks of one task definition fit: on one instance of a type (with and without ENI trunking), and in a
 * set of subnets, each answer with the bound that decides it. The same figures placement uses: CPU units (1,024
 * per vCPU), memory less the agent reserve, ENI slots, host ports, subnet addresses.
 */
public final class CapacityCalculator {
    /** The trunking-capable type suggested when a type cannot trunk (the ec2-autoscaling examples' next size up). */
    public static final String TRUNKING_EXAMPLE = "c5.large";

    private CapacityCalculator() {
    }

    /** Instances needed for {@code tasks} tasks at {@code perInstance} each: ceil(tasks / per); empty when none fits. */
    public static java.util.OptionalInt instancesFor(int tasks, Answer perInstance) {
        if (perInstance.tasks() <= 0) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((tasks + perInstance.tasks() - 1) / perInstance.tasks());
    }

    /** One limit on the number of tasks, and why. {@code tasks} is {@link Integer#MAX_VALUE} when it does not bind. */
    public record Bound(String resource, int tasks, String why) {
    }

    /** The answer for one case: the smallest bound wins. */
    public record Answer(int tasks, Bound binding, List<Bound> bounds) {
    }

    public static Answer perInstance(InstanceType type, TaskNeeds needs, boolean trunking, int reservedMemoryMib) {
        if (!type.hasKnownSize()) {
            throw DomainException.invalid("Unsupported", "The vCPU and memory of " + type.name() + " are not in ecsnet's table.");
        }
        List<Bound> bounds = new ArrayList<>();
        int registeredMemory = Math.max(0, type.memoryMib() - reservedMemoryMib);
        bounds.add(needs.cpu() == 0 ? new Bound("CPU", Integer.MAX_VALUE, "the task reserves no CPU units")
                : new Bound("CPU", type.cpuUnits() / needs.cpu(), type.cpuUnits() + " CPU units / " + needs.cpu()));
        bounds.add(needs.memory() == 0 ? new Bound("MEMORY", Integer.MAX_VALUE, "the task reserves no memory")
                : new Bound("MEMORY", registeredMemory / needs.memory(), registeredMemory + " MiB registered / " + needs.memory() + " MiB"));
        if (needs.needsEni()) {
            if (trunking && type.supportsTrunking()) {
                bounds.add(new Bound("ENI", type.ecsTasksWithTrunking(), "ECS's with-trunking figure for " + type.name()
                        + (type.trunkingSource().equals("ecs") ? "" : " (EKS branch-ENI figure; ECS does not list this type)")));
            } else {
                String why = type.maxEnis() + " ENIs - 1 primary";
                if (trunking) {
                    why += " (" + type.name() + " does not support ENI trunking)";
                }
                bounds.add(new Bound("ENI", type.ecsTasksWithoutTrunking(), why));
            }
        }
        if (!needs.tcpPorts().isEmpty() || !needs.udpPorts().isEmpty()) {
            bounds.add(new Bound("PORTS", 1, "static host ports " + ports(needs) + " can be bound once per instance"));
        } else if (needs.dynamicTcpPorts() + needs.dynamicUdpPorts() > 0) {
            int range = Checks.DYNAMIC_PORT_LAST - Checks.DYNAMIC_PORT_FIRST + 1;
            int per = Math.max(needs.dynamicTcpPorts(), needs.dynamicUdpPorts());
            bounds.add(new Bound("PORTS", range / per, range + " dynamic host ports / " + per));
        }
        return answer(bounds);
    }

    /** awsvpc tasks that fit in the subnets' addresses once {@code instances} instances (and their trunks) took theirs. */
    public static Answer inSubnets(List<String> cidrs, int instances, boolean trunked) {
        long usable = 0;
        for (String c : cidrs) {
            Cidr cidr = Cidr.parse(c).orElseThrow(() -> DomainException.invalid("InvalidParameterValue", "Not a CIDR block: " + c));
            usable += Math.max(0, cidr.size() - SubnetIpPool.RESERVED);
        }
        int perInstance = trunked ? 2 : 1;
        long left = Math.max(0, usable - (long) instances * perInstance);
        String why = usable + " usable addresses (" + SubnetIpPool.RESERVED + " reserved per subnet)";
        if (instances > 0) {
            why += " - " + instances + " instance(s) x " + perInstance + (trunked ? " (primary + trunk ENI)" : " (primary ENI)");
        }
        return answer(List.of(new Bound("ADDRESSES", (int) Math.min(Integer.MAX_VALUE, left), why)));
    }

    private static Answer answer(List<Bound> bounds) {
        Bound min = bounds.stream().reduce((a, b) -> b.tasks() < a.tasks() ? b : a).orElseThrow();
        return new Answer(min.tasks(), min, List.copyOf(bounds));
    }

    private static String ports(TaskNeeds needs) {
        List<String> out = new ArrayList<>();
        needs.tcpPorts().stream().sorted().forEach(p -> out.add(p + "/tcp"));
        needs.udpPorts().stream().sorted().forEach(p -> out.add(p + "/udp"));
        return String.join(", ", out);
    }
}
