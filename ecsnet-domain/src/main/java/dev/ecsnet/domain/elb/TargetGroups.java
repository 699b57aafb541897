package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Subnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Target groups, their targets and the targets' health. This is also the domain API an ECS service uses for its
 * load balancers: {@link #register}, {@link #deregister}, {@link #health} and {@link #find}.
 *
 * <p>Health is computed when read, from the clock and the network as it is at that moment, so it is deterministic
 * and needs no timers: a target is {@code initial} (registration, then initial health checks) for the times
 * {@link ElbTiming} gives, then {@code healthy} or {@code unhealthy} by {@link HealthCheckPath}; a security group
 * change shows on the next read. A deregistered target is {@code draining} for the group's deregistration delay,
 * then gone.
 */
public final class TargetGroups {
    static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE");
    static final Set<String> TARGET_TYPES = Set.of("instance", "ip", "lambda", "alb");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,32}");
    private static final List<Cidr> PRIVATE_RANGES = List.of(Cidr.parse("10.0.0.0/8").orElseThrow(),
            Cidr.parse("172.16.0.0/12").orElseThrow(), Cidr.parse("192.168.0.0/16").orElseThrow(), Cidr.parse("100.64.0.0/10").orElseThrow());

    private final Elb elb;
    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final ElbTiming timing;
    final Map<String, TargetGroup> groups = new LinkedHashMap<>();

    TargetGroups(Elb elb, Network network, IdSource ids, Clock clock, ElbTiming timing) {
        this.elb = elb;
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timing = timing;
    }

    /** What CreateTargetGroup asks for; null fields take AWS's defaults. */
    public record Request(String name, String protocol, String protocolVersion, Integer port, String vpcId, String targetType,
                          String ipAddressType, String healthCheckProtocol, String healthCheckPort, Boolean healthCheckEnabled,
                          String healthCheckPath, Integer healthCheckIntervalSeconds, Integer healthCheckTimeoutSeconds,
                          Integer healthyThresholdCount, Integer unhealthyThresholdCount, String matcherHttpCode,
                          String matcherGrpcCode, Map<String, String> tags) {
    }

    public Collection<TargetGroup> all() {
        return groups.values();
    }

    public Optional<TargetGroup> find(String arn) {
        return Optional.ofNullable(groups.get(arn));
    }

    public TargetGroup get(String arn) {
        return find(arn).orElseThrow(ElbErrors::targetGroupNotFound);
    }

    public Optional<TargetGroup> findByName(String name) {
        return groups.values().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The load balancers whose listeners or rules forward to the group. */
    public List<String> loadBalancerArns(TargetGroup group) {
        return elb.listeners().loadBalancersForwardingTo(group.arn());
    }

    // ---- create, modify, delete -------------------------------------------------------------------------------

    public TargetGroup create(Request r) {
        String name = r.name();
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A target group name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Target group name '" + name + "' can only contain characters that are alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot begin or end with '-'");
        }
        String type = r.targetType() == null ? "instance" : r.targetType();
        if (!TARGET_TYPES.contains(type)) {
            throw ElbErrors.validation("Target type '" + type + "' is not valid. Valid target types are: instance, ip, lambda, alb");
        }
        String protocol = r.protocol();
        Integer port = r.port();
        String vpcId = r.vpcId();
        if (type.equals("lambda")) {
            if (protocol != null || port != null || vpcId != null) {
                throw ElbErrors.validation("Port, protocol and VPC ID cannot be specified for target groups with target type 'lambda'");
            }
        } else {
            if (protocol == null) {
                throw ElbErrors.validation("A protocol must be specified");
            }
            if (!PROTOCOLS.contains(protocol)) {
                throw ElbErrors.validation("Protocol '" + protocol + "' is not valid. Valid protocols are: " + String.join(", ", PROTOCOLS.stream().sorted().toList()));
            }
            if (port == null) {
                throw ElbErrors.validation("A port must be specified");
            }
            if (port < 1 || port > 65535) {
                throw ElbErrors.validation("Port '" + port + "' must be between 1 and 65535");
            }
            if (vpcId == null) {
                throw ElbErrors.validation("A VPC ID must be specified");
            }
            if (network.vpcs().stream().noneMatch(v -> v.id().equals(vpcId))) {
                throw ElbErrors.validation("The VPC ID '" + vpcId + "' is not found");
            }
        }
        String ipType = r.ipAddressType() == null ? "ipv4" : r.ipAddressType();
        if (!ipType.equals("ipv4") && !ipType.equals("ipv6")) {
            throw ElbErrors.validation("IP address type '" + ipType + "' is not valid");
        }
        String version = null;
        if ("HTTP".equals(protocol) || "HTTPS".equals(protocol)) {
            version = r.protocolVersion() == null ? "HTTP1" : r.protocolVersion();
            if (!Set.of("HTTP1", "HTTP2", "GRPC").contains(version)) {
                throw ElbErrors.validation("Protocol version '" + version + "' is not valid");
            }
        } else if (r.protocolVersion() != null) {
            throw ElbErrors.validation("A protocol version can only be specified for HTTP and HTTPS target groups");
        }
        HealthCheck check = healthCheck(HealthCheck.defaults(protocol, type), r.healthCheckProtocol(), r.healthCheckPort(),
                r.healthCheckEnabled(), r.healthCheckPath(), r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(),
                r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcherHttpCode(), r.matcherGrpcCode(), type);
        Optional<TargetGroup> existing = findByName(name);
        if (existing.isPresent()) {
            TargetGroup e = existing.get();
            boolean same = e.targetType().equals(type) && Objects.equals(e.protocol().orElse(null), protocol)
                    && Objects.equals(e.port().orElse(null), port) && Objects.equals(e.vpcId().orElse(null), vpcId)
                    && e.healthCheck().equals(check);
            if (!same) {
                throw ElbErrors.duplicateTargetGroupName(name);
            }
            return e;
        }
        String arn = elb.arns().targetGroup(name, ids.hex(16));
        TargetGroup group = new TargetGroup(arn, name, type, protocol, version, port, vpcId, ipType, check,
                ElbAttributes.targetGroupDefaults(type, protocol));
        group.tags().putAll(r.tags());
        groups.put(arn, group);
        return group;
    }

    /** Merges changed health check settings into {@code base} and checks the result as AWS does. */
    static HealthCheck healthCheck(HealthCheck base, String protocol, String port, Boolean enabled, String path, Integer interval,
                                   Integer timeout, Integer healthy, Integer unhealthy, String httpCode, String grpcCode, String targetType) {
        String p = protocol != null ? protocol : base.protocol();
        if (protocol != null && !Set.of("HTTP", "HTTPS", "TCP").contains(protocol)) {
            throw ElbErrors.validation("Health check protocol '" + protocol + "' is not supported");
        }
        String prt = port != null ? port : base.port();
        if (port != null && !port.equals("traffic-port")) {
            int n;
            try {
                n = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw ElbErrors.validation("Health check port '" + port + "' must be 'traffic-port' or a port number");
            }
            if (n < 1 || n > 65535) {
                throw ElbErrors.validation("Health check port '" + port + "' must be between 1 and 65535");
            }
        }
        boolean http = "HTTP".equals(p) || "HTTPS".equals(p) || "lambda".equals(targetType);
        if (path != null && !http) {
            throw ElbErrors.validation("Health check path can only be specified for HTTP and HTTPS health checks");
        }
        int i = interval != null ? interval : base.intervalSeconds();
        int t = timeout != null ? timeout : base.timeoutSeconds();
        int h = healthy != null ? healthy : base.healthyThresholdCount();
        int u = unhealthy != null ? unhealthy : base.unhealthyThresholdCount();
        if (i < 5 || i > 300) {
            throw ElbErrors.validation("Health check interval '" + i + "' must be between 5 and 300 seconds");
        }
        if (t < 2 || t > 120) {
            throw ElbErrors.validation("Health check timeout '" + t + "' must be between 2 and 120 seconds");
        }
        if (t >= i) {
            throw ElbErrors.validation("Health check interval must be greater than the timeout.");
        }
        if (h < 2 || h > 10) {
            throw ElbErrors.validation("Healthy threshold count '" + h + "' must be between 2 and 10");
        }
        if (u < 2 || u > 10) {
            throw ElbErrors.validation("Unhealthy threshold count '" + u + "' must be between 2 and 10");
        }
        String pathValue = path != null ? path : (http && base.path() == null ? "/" : (http ? base.path() : null));
        String matcher = httpCode != null ? httpCode : (http && base.matcher() == null ? "200-399" : (http ? base.matcher() : null));
        if (matcher != null && !http) {
            matcher = null;
        }
        return new HealthCheck(enabled != null ? enabled : base.enabled(), p, prt, pathValue, i, t, h, u, matcher,
                grpcCode != null ? grpcCode : base.grpcMatcher());
    }

    public TargetGroup modify(String arn, String protocol, String port, Boolean enabled, String path, Integer interval,
                              Integer timeout, Integer healthy, Integer unhealthy, String httpCode, String grpcCode) {
        TargetGroup g = get(arn);
        g.setHealthCheck(healthCheck(g.healthCheck(), protocol, port, enabled, path, interval, timeout, healthy, unhealthy,
                httpCode, grpcCode, g.targetType()));
        return g;
    }

    public void modifyAttributes(String arn, Map<String, String> changes) {
        TargetGroup g = get(arn);
        ElbAttributes.check(g.attributes, changes, Set.of());
        TargetGroupAttributeRules.check(g, g.attributes, changes);
        g.attributes.putAll(changes);
    }

    public void delete(String arn) {
        TargetGroup g = get(arn);
        if (!elb.listeners().loadBalancersForwardingTo(arn).isEmpty() || elb.listeners().isForwardedTo(arn)) {
            throw ElbErrors.resourceInUse("Target group '" + arn + "' is currently in use by a listener or a rule");
        }
        groups.remove(g.arn());
    }

    // ---- targets ----------------------------------------------------------------------------------------------

    /** One target of a RegisterTargets/DeregisterTargets call; {@code port} and {@code availabilityZone} may be null. */
    public record TargetRequest(String id, Integer port, String availabilityZone) {
    }

    /** Registers targets (validating all of them first). Re-registering a draining target makes it new again. */
    public void registerTargets(String arn, List<TargetRequest> requests) {
        TargetGroup g = get(arn);
        List<TargetGroup.Target> accepted = new ArrayList<>();
        for (TargetRequest t : requests) {
            accepted.add(validateTarget(g, t));
        }
        g.expireDraining(clock.now());
        for (TargetGroup.Target t : accepted) {
            TargetGroup.TargetKey key = new TargetGroup.TargetKey(t.id(), t.port());
            TargetGroup.Target existing = g.targets.get(key);
            if (existing == null || existing.isDraining()) {
                g.targets.put(key, t);
            }
        }
    }

    /** The domain API for ECS: registers one IP target. */
    public void register(String targetGroupArn, String ip, int port) {
        registerTargets(targetGroupArn, List.of(new TargetRequest(ip, port, null)));
    }

    /** The domain API for ECS: starts draining one target. */
    public void deregister(String targetGroupArn, String ip, int port) {
        deregisterTargets(targetGroupArn, List.of(new TargetRequest(ip, port, null)));
    }

    private TargetGroup.Target validateTarget(TargetGroup g, TargetRequest t) {
        if (t.id() == null || t.id().isEmpty()) {
            throw ElbErrors.validation("A target ID must be specified");
        }
        int port = t.port() != null ? t.port() : g.port().orElse(0);
        if (!g.targetType().equals("lambda") && (port < 1 || port > 65535)) {
            throw ElbErrors.validation("Port '" + port + "' must be between 1 and 65535");
        }
        String zone = t.availabilityZone();
        switch (g.targetType()) {
            case "ip" -> {
                long ip = Ipv4.parse(t.id());
                if (ip < 0) {
                    throw ElbErrors.validation("The IP address '" + t.id() + "' is not a valid IPv4 address");
                }
                Cidr vpcCidr = network.vpc(g.vpcId().orElseThrow()).cidr();
                boolean inVpc = vpcCidr.contains((int) ip);
                if (inVpc && "all".equals(zone)) {
                    String actual = zoneOf((int) ip, g.vpcId().orElseThrow()).orElse(zone);
                    throw ElbErrors.validation("The IP address '" + t.id() + "' is within the VPC, and cannot have its Availability Zone overridden to 'all' from '" + actual + "'");
                }
                if (!inVpc) {
                    if (PRIVATE_RANGES.stream().noneMatch(c -> c.contains((int) ip))) {
                        throw ElbErrors.validation("The IP address '" + t.id() + "' is not a valid target IP address. IP addresses must be within the VPC or in the RFC 1918 or RFC 6598 (100.64.0.0/10) ranges");
                    }
                    if (zone == null) {
                        throw ElbErrors.validation("The Availability Zone is required for IP address '" + t.id() + "' because it is not in the VPC");
                    }
                    if (!zone.equals("all")) {
                        throw ElbErrors.validation("You must specify a valid Availability Zone or select 'all' for all enabled Availability zones, since the IP address '" + t.id() + "' is outside the VPC");
                    }
                }
            }
            case "instance" -> {
                if (!t.id().matches("i-[0-9a-f]{8}([0-9a-f]{9})?")) {
                    throw ElbErrors.invalidTarget("The following targets are not valid instances: '" + t.id() + "'");
                }
            }
            case "lambda", "alb" -> {
                if (!t.id().startsWith("arn:")) {
                    throw ElbErrors.invalidTarget("The following targets are not valid: '" + t.id() + "'");
                }
            }
            default -> throw new IllegalStateException(g.targetType());
        }
        return new TargetGroup.Target(t.id(), port, zone, clock.now(), null);
    }

    public void deregisterTargets(String arn, List<TargetRequest> requests) {
        TargetGroup g = get(arn);
        Instant now = clock.now();
        g.expireDraining(now);
        List<TargetGroup.TargetKey> keys = new ArrayList<>();
        for (TargetRequest t : requests) {
            int port = t.port() != null ? t.port() : g.port().orElse(0);
            TargetGroup.TargetKey key = new TargetGroup.TargetKey(t.id(), port);
            TargetGroup.Target existing = g.targets.get(key);
            if (existing == null) {
                throw ElbErrors.invalidTarget("The following targets are not registered in target group '" + arn + "': '" + t.id() + "'");
            }
            keys.add(key);
        }
        Duration delay = timing.draining(g.deregistrationDelaySeconds());
        boolean used = !loadBalancerArns(g).isEmpty();
        for (TargetGroup.TargetKey key : keys) {
            TargetGroup.Target t = g.targets.get(key);
            if (t.isDraining()) {
                continue;
            }
            if (delay.isZero() || !used) {
                g.targets.remove(key);
            } else {
                g.targets.put(key, new TargetGroup.Target(t.id(), t.port(), t.availabilityZone(), t.registeredAt(), now.plus(delay)));
            }
        }
    }

    /** How long a target of this group drains once deregistered (its deregistration delay, on the region's timing). */
    public Duration drainingTime(TargetGroup group) {
        return loadBalancerArns(group).isEmpty() ? Duration.ZERO : timing.draining(group.deregistrationDelaySeconds());
    }

    // ---- health -----------------------------------------------------------------------------------------------

    /** Every target's health now, in registration order (the domain API for ECS). */
    public List<TargetHealthDescription> health(String arn) {
        TargetGroup g = get(arn);
        Instant now = clock.now();
        List<TargetHealthDescription> out = new ArrayList<>();
        for (TargetGroup.Target t : g.targets.values()) {
            if (!t.drainedBy(now)) {
                out.add(describe(g, t, now));
            }
        }
        return out;
    }

    /** The health of the given targets; one never registered (or done draining) is {@code unused/Target.NotRegistered}. */
    public List<TargetHealthDescription> health(String arn, List<TargetRequest> targets) {
        TargetGroup g = get(arn);
        Instant now = clock.now();
        List<TargetHealthDescription> out = new ArrayList<>();
        for (TargetRequest r : targets) {
            int port = r.port() != null ? r.port() : g.port().orElse(0);
            TargetGroup.Target t = g.targets.get(new TargetGroup.TargetKey(r.id(), port));
            out.add(t != null && !t.drainedBy(now) ? describe(g, t, now)
                    : new TargetHealthDescription(r.id(), port, r.availabilityZone(), null, TargetHealth.NOT_REGISTERED));
        }
        return out;
    }

    private TargetHealthDescription describe(TargetGroup g, TargetGroup.Target t, Instant now) {
        HealthCheck check = g.healthCheck();
        String checkPort = g.targetType().equals("lambda") ? null : String.valueOf(check.portFor(t.port()));
        return new TargetHealthDescription(t.id(), t.port(), t.availabilityZone(), checkPort, evaluate(g, t, now));
    }

    private TargetHealth evaluate(TargetGroup g, TargetGroup.Target t, Instant now) {
        if (t.isDraining()) {
            return TargetHealth.DRAINING;
        }
        List<LoadBalancer> lbs = loadBalancerArns(g).stream().map(elb::findLoadBalancer).flatMap(Optional::stream).toList();
        if (lbs.isEmpty()) {
            return TargetHealth.NOT_IN_USE;
        }
        if (!g.healthCheck().enabled()) {
            return TargetHealth.DISABLED;
        }
        if (g.targetType().equals("lambda") || g.targetType().equals("alb")) {
            return TargetHealth.HEALTHY;
        }
        String vpcId = g.vpcId().orElseThrow();
        Optional<String> ip = targetIp(g, t);
        if (ip.isEmpty()) {
            return TargetHealth.INVALID_STATE;
        }
        if (!"all".equals(t.availabilityZone())) {
            Optional<String> zone = zoneOf((int) Ipv4.parse(ip.get()), vpcId);
            boolean enabled = zone.isEmpty() || lbs.stream().anyMatch(lb -> lb.nodes().stream().anyMatch(n -> n.zoneName().equals(zone.get())));
            if (!enabled) {
                return TargetHealth.ZONE_NOT_ENABLED;
            }
        }
        Instant lbActive = lbs.stream().map(LoadBalancer::activeAt).max(Instant::compareTo).orElseThrow();
        Instant checksStart = later(t.registeredAt().plus(timing.registration()), lbActive);
        if (now.isBefore(checksStart)) {
            return TargetHealth.REGISTERING;
        }
        if (now.isBefore(checksStart.plus(timing.initialChecks(g.healthCheck())))) {
            return TargetHealth.INITIAL_CHECKS;
        }
        int port = g.healthCheck().portFor(t.port());
        boolean reachable = lbs.stream().allMatch(lb -> HealthCheckPath.evaluate(network, lb, vpcId, ip.get(), port).reachable());
        return reachable ? TargetHealth.HEALTHY : TargetHealth.TIMEOUT;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** An ip target is its own address; an instance target is the address of the instance's primary ENI. */
    private Optional<String> targetIp(TargetGroup g, TargetGroup.Target t) {
        if (g.targetType().equals("ip")) {
            return Optional.of(t.id());
        }
        return network.networkInterfaces().stream()
                .filter(n -> n.attachment().map(a -> t.id().equals(a.instanceId()) && a.deviceIndex() == 0).orElse(false))
                .map(NetworkInterface::privateIpAddress).findFirst();
    }

    private Optional<String> zoneOf(int ip, String vpcId) {
        return network.subnets().stream().filter(s -> s.vpcId().equals(vpcId) && s.cidr().contains(ip))
                .map(Subnet::zone).map(z -> z.name()).findFirst();
    }
}
