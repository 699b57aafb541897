package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ecs.placement.Host;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An EC2 instance registered with a cluster: what it offers (CPU, memory, ports, ENI slots fixed at
 * registration), its attributes, an optional trunk ENI, and what its tasks hold. Used only on the engine thread.
 */
public final class ContainerInstance {
    /** Ports the ECS agent reserves on every Linux instance (SSH, Docker, the agent's introspection ports). */
    public static final List<Integer> RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);
    /**
     * Memory the instance keeps for its OS and agent: registered MEMORY = instance memory − this. AWS's agent reports
     * what the OS shows (a little less than the type's nominal size); this flat reserve is ecsnet's choice.
     */
    public static final int RESERVED_MEMORY_MIB = 256;
    public static final String AGENT_VERSION = "1.89.2";

    public enum Status { REGISTERING, REGISTRATION_FAILED, ACTIVE, DRAINING, DEREGISTERING, INACTIVE }

    /** What one task holds on this instance until it is STOPPED. */
    public record Reservation(String taskArn, String group, int cpu, int memory, Set<Integer> tcpPorts, Set<Integer> udpPorts,
                              boolean eni, int deviceIndex) {
        public Reservation {
            tcpPorts = Set.copyOf(tcpPorts);
            udpPorts = Set.copyOf(udpPorts);
        }
    }

    /** The trunk ENI ECS attached when the instance registered with awsvpcTrunking on. */
    public record Trunk(String trunkId, String attachmentId, String networkInterfaceId, String macAddress, String privateIpAddress,
                        String subnetId) {
    }

    private final String id;
    private final String arn;
    private final Cluster cluster;
    private final Instance instance;
    private final int registeredCpu;
    private final int registeredMemory;
    private final int eniSlots;
    private final Trunk trunk;
    private final Instant registeredAt;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    private Status status;
    private String statusReason;
    private long version = 1;

    ContainerInstance(String id, String arn, Cluster cluster, Instance instance, int registeredCpu, int registeredMemory, int eniSlots,
                      Trunk trunk, Instant registeredAt, Status status) {
        this.id = id;
        this.arn = arn;
        this.cluster = cluster;
        this.instance = instance;
        this.registeredCpu = registeredCpu;
        this.registeredMemory = registeredMemory;
        this.eniSlots = eniSlots;
        this.trunk = trunk;
        this.registeredAt = registeredAt;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public Cluster cluster() {
        return cluster;
    }

    public Instance instance() {
        return instance;
    }

    public String ec2InstanceId() {
        return instance.id();
    }

    public InstanceType instanceType() {
        return instance.type();
    }

    public Status status() {
        return status;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public long version() {
        return version;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Optional<Trunk> trunk() {
        return Optional.ofNullable(trunk);
    }

    /** awsvpc tasks this instance runs at most: (max ENIs − 1), or ECS's with-trunking figure when trunked. */
    public int eniSlots() {
        return eniSlots;
    }

    public int registeredCpu() {
        return registeredCpu;
    }

    public int registeredMemory() {
        return registeredMemory;
    }

    public int remainingCpu() {
        return registeredCpu - reservations.values().stream().mapToInt(Reservation::cpu).sum();
    }

    public int remainingMemory() {
        return registeredMemory - reservations.values().stream().mapToInt(Reservation::memory).sum();
    }

    public int usedEniSlots() {
        return (int) reservations.values().stream().filter(Reservation::eni).count();
    }

    /** Reserved and bound TCP host ports, sorted. */
    public Set<Integer> usedTcpPorts() {
        Set<Integer> ports = new TreeSet<>(RESERVED_PORTS);
        reservations.values().forEach(r -> ports.addAll(r.tcpPorts()));
        return ports;
    }

    public Set<Integer> usedUdpPorts() {
        Set<Integer> ports = new TreeSet<>();
        reservations.values().forEach(r -> ports.addAll(r.udpPorts()));
        return ports;
    }

    public Map<String, Reservation> reservations() {
        return Collections.unmodifiableMap(reservations);
    }

    /** Attribute name → value; null for name-only attributes (capabilities). */
    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Map<String, String> tags() {
        return tags;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** The view placement reads. */
    public Host host() {
        Map<String, String> attrs = new HashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, v == null ? "" : v));
        Map<String, Integer> groups = new HashMap<>();
        reservations.values().forEach(r -> groups.merge(r.group(), 1, Integer::sum));
        return new Host(arn, instance.id(), instance.zone().name(), instance.vpcId(), attrs, remainingCpu(), remainingMemory(),
                eniSlots - usedEniSlots(), usedTcpPorts(), usedUdpPorts(), groups);
    }

    /** The lowest device index from 1 up that no task ENI of this instance uses (the trunk takes 1 when present). */
    int freeDeviceIndex() {
        Set<Integer> used = new LinkedHashSet<>();
        if (trunk != null) {
            used.add(1);
        }
        reservations.values().stream().filter(Reservation::eni).forEach(r -> used.add(r.deviceIndex()));
        int i = 1;
        while (used.contains(i)) {
            i++;
        }
        return i;
    }

    /** On restore: attributes, tags and reservations as recorded, and the status and version they had. */
    void restore(Map<String, String> recordedAttributes, Map<String, String> recordedTags, List<Reservation> recordedReservations,
                 String reason, long recordedVersion) {
        attributes.clear();
        attributes.putAll(recordedAttributes);
        tags.clear();
        tags.putAll(recordedTags);
        reservations.clear();
        recordedReservations.forEach(r -> reservations.put(r.taskArn(), r));
        statusReason = reason;
        version = recordedVersion;
    }

    void reserve(Reservation r) {
        reservations.put(r.taskArn(), r);
        version++;
    }

    void release(String taskArn) {
        if (reservations.remove(taskArn) != null) {
            version++;
        }
    }

    void putAttribute(String name, String value) {
        attributes.put(name, value);
        version++;
    }

    void removeAttribute(String name) {
        attributes.remove(name);
        version++;
    }

    void setStatus(Status next, String reason) {
        status = next;
        statusReason = reason;
        version++;
    }
}
