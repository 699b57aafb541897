package dev.ecsnet.domain.ec2;

import java.util.Optional;

/**
 * One EC2 instance type as ecsnet knows it: ENI and address limits and trunking figures for every type, vCPUs and
 * memory for the types listed in {@code instance-sizes.csv}, and an architecture for all. {@code vcpus == 0} means
 * the size is unknown (families newer than the size table): such a type launches, and offers no CPU or memory to
 * ECS.
 *
 * @param maxEnis                 network interfaces the instance can attach (all network cards)
 * @param ipv4PerEni              private IPv4 addresses per interface
 * @param trunkingCompatible      the VPC resource controller's flag (EKS security groups for pods)
 * @param eksBranchEnis           the VPC resource controller's branch-ENI count (EKS; not ECS's figure)
 * @param ecsTasksWithoutTrunking ECS's awsvpc tasks per instance without trunking ({@code maxEnis - 1} unless ECS says otherwise)
 * @param ecsTasksWithTrunking    ECS's awsvpc tasks per instance with trunking; 0 when ECS does not trunk this type
 * @param trunkingSource          where {@code ecsTasksWithTrunking} comes from: {@code ecs} (ECS's table), {@code eks} (fallback) or {@code none}
 */
public record InstanceType(String name, int maxEnis, int ipv4PerEni, boolean trunkingCompatible, int eksBranchEnis,
                           int ecsTasksWithoutTrunking, int ecsTasksWithTrunking, String trunkingSource,
                           int vcpus, int memoryMib, String architecture) {

    public boolean hasKnownSize() {
        return vcpus > 0;
    }

    public boolean supportsTrunking() {
        return ecsTasksWithTrunking > 0;
    }

    /** ECS CPU units: 1,024 per vCPU. */
    public int cpuUnits() {
        return vcpus * 1024;
    }

    /** How many awsvpc tasks ECS runs on one instance of this type. */
    public int awsvpcTasks(boolean trunked) {
        return trunked ? ecsTasksWithTrunking : ecsTasksWithoutTrunking;
    }

    public String family() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The burstable performance families: T2, T3, T3a and T4g (T1 predates CPU credits). */
    public boolean burstable() {
        return java.util.Set.of("t2", "t3", "t3a", "t4g").contains(family());
    }

    public Optional<String> knownArchitecture() {
        return Optional.ofNullable(architecture);
    }
}
