package dev.ecsnet.domain.elb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target group: where a listener forwards to. {@code protocol}, {@code port} and {@code vpcId} are null for
 * {@code lambda} groups. Targets are kept in registration order; a deregistered target stays (draining) until its
 * deregistration delay is over.
 */
public final class TargetGroup {
    private final String arn;
    private final String name;
    private final String targetType;
    private final String protocol;
    private final String protocolVersion;
    private final Integer port;
    private final String vpcId;
    private final String ipAddressType;
    private HealthCheck healthCheck;
    final Map<String, String> attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();
    final Map<TargetKey, Target> targets = new LinkedHashMap<>();

    /** Targets are identified by id and port (one IP may be registered on several ports). */
    public record TargetKey(String id, int port) {
    }

    /** A registered target; {@code drainingUntil} is set once it is deregistered. */
    public record Target(String id, int port, String availabilityZone, Instant registeredAt, Instant drainingUntil) {
        public boolean isDraining() {
            return drainingUntil != null;
        }

        /**
         * Its draining is over: the group's next change drops it ({@link #expireDraining}), and until then health
         * answers pass over it as if it were gone (health is a read beside the engine, so it drops nothing itself).
         */
        boolean drainedBy(Instant now) {
            return isDraining() && !now.isBefore(drainingUntil);
        }
    }

    TargetGroup(String arn, String name, String targetType, String protocol, String protocolVersion, Integer port,
                String vpcId, String ipAddressType, HealthCheck healthCheck, Map<String, String> attributes) {
        this.arn = arn;
        this.name = name;
        this.targetType = targetType;
        this.protocol = protocol;
        this.protocolVersion = protocolVersion;
        this.port = port;
        this.vpcId = vpcId;
        this.ipAddressType = ipAddressType;
        this.healthCheck = healthCheck;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String targetType() {
        return targetType;
    }

    public Optional<String> protocol() {
        return Optional.ofNullable(protocol);
    }

    public Optional<String> protocolVersion() {
        return Optional.ofNullable(protocolVersion);
    }

    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    public Optional<String> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    public String ipAddressType() {
        return ipAddressType;
    }

    public HealthCheck healthCheck() {
        return healthCheck;
    }

    void setHealthCheck(HealthCheck value) {
        healthCheck = value;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public int deregistrationDelaySeconds() {
        return Integer.parseInt(attributes.getOrDefault("deregistration_delay.timeout_seconds", "300"));
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** Targets in registration order, draining ones included (and those done draining the group has not dropped yet). */
    public List<Target> targets() {
        return List.copyOf(targets.values());
    }

    /**
     * Drops targets whose draining is over; run before every change of the group. Reads do not run it (they pass
     * over such targets instead), so time alone ends draining without a read changing state.
     */
    void expireDraining(Instant now) {
        targets.values().removeIf(t -> t.drainedBy(now));
    }
}
