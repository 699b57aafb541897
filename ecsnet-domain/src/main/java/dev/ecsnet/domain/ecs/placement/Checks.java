package dev.ecsnet.domain.ecs.placement;

import java.util.List;
import java.util.Optional;

/**
 * The feasibility checks in the order ECS applies them; the host that gets furthest is the "closest matching"
 * one that service events name. Reasons are RunTask's {@code failures[].reason} values (AWS-FACTS §2.1).
 */
public final class Checks {
    /** The agent's default dynamic host port range on Linux (the kernel's ephemeral range). */
    public static final int DYNAMIC_PORT_FIRST = 32768;
    public static final int DYNAMIC_PORT_LAST = 60999;

    public static final String ATTRIBUTE = "ATTRIBUTE";
    public static final String LOCATION = "LOCATION";
    public static final String CPU = "RESOURCE:CPU";
    public static final String MEMORY = "RESOURCE:MEMORY";
    public static final String PORTS = "RESOURCE:PORTS";
    public static final String ENI = "RESOURCE:ENI";
    /** Wording from AWS's stopped-reason list ({@code TaskFailedToStart: MemberOf placement constraint unsatisfied}). */
    public static final String MEMBER_OF = "MemberOf placement constraint unsatisfied";
    /** By analogy with the memberOf text; AWS's own wording was not found. */
    public static final String DISTINCT_INSTANCE = "DistinctInstance placement constraint unsatisfied";

    private Checks() {
    }

    public static final List<FeasibilityCheck> PIPELINE = List.of(
            Checks::attributes, Checks::location, Checks::constraints, Checks::cpu, Checks::memory, Checks::ports, Checks::eni);

    /**
     * Whether the host can run the task at all, leaving its free resources aside: attributes, zone, and memberOf
     * constraints (the instances a DAEMON service runs on). Returns the reason when it cannot.
     */
    public static Optional<String> ineligible(Host host, PlacementRequest request) {
        Optional<String> reason = attributes(host, request).or(() -> location(host, request));
        if (reason.isPresent()) {
            return reason;
        }
        for (PlacementRequest.Constraint c : request.constraints()) {
            if (c.type().equals("memberOf") && !Expression.parse(c.expression().orElse("")).matches(host)) {
                return Optional.of(MEMBER_OF);
            }
        }
        return Optional.empty();
    }

    static Optional<String> attributes(Host host, PlacementRequest request) {
        for (String a : request.needs().requiredAttributes()) {
            if (!host.attributes().containsKey(a)) {
                return Optional.of(ATTRIBUTE);
            }
        }
        if (request.vpcId().isPresent() && !request.vpcId().get().equals(host.vpcId())) {
            return Optional.of(ATTRIBUTE);
        }
        return Optional.empty();
    }

    static Optional<String> location(Host host, PlacementRequest request) {
        return request.zones().isEmpty() || request.zones().contains(host.availabilityZone()) ? Optional.empty() : Optional.of(LOCATION);
    }

    static Optional<String> constraints(Host host, PlacementRequest request) {
        for (PlacementRequest.Constraint c : request.constraints()) {
            if (c.type().equals("distinctInstance") && host.tasksOf(request.group()) > 0) {
                return Optional.of(DISTINCT_INSTANCE);
            }
            if (c.type().equals("memberOf") && !Expression.parse(c.expression().orElse("")).matches(host)) {
                return Optional.of(MEMBER_OF);
            }
        }
        return Optional.empty();
    }

    static Optional<String> cpu(Host host, PlacementRequest request) {
        return request.needs().cpu() > host.remainingCpu() ? Optional.of(CPU) : Optional.empty();
    }

    static Optional<String> memory(Host host, PlacementRequest request) {
        return request.needs().memory() > host.remainingMemory() ? Optional.of(MEMORY) : Optional.empty();
    }

    static Optional<String> ports(Host host, PlacementRequest request) {
        TaskNeeds n = request.needs();
        boolean clash = n.tcpPorts().stream().anyMatch(host.usedTcpPorts()::contains)
                || n.udpPorts().stream().anyMatch(host.usedUdpPorts()::contains);
        boolean dynamicFull = freeDynamic(host.usedTcpPorts()) < n.dynamicTcpPorts() || freeDynamic(host.usedUdpPorts()) < n.dynamicUdpPorts();
        return clash || dynamicFull ? Optional.of(PORTS) : Optional.empty();
    }

    private static long freeDynamic(java.util.Set<Integer> used) {
        long inRange = used.stream().filter(p -> p >= DYNAMIC_PORT_FIRST && p <= DYNAMIC_PORT_LAST).count();
        return (DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST + 1) - inRange;
    }

    static Optional<String> eni(Host host, PlacementRequest request) {
        return request.needs().needsEni() && host.freeEniSlots() < 1 ? Optional.of(ENI) : Optional.empty();
    }
}
