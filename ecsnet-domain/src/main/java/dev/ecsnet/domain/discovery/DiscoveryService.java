package dev.ecsnet.domain.discovery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Cloud Map service in a namespace. {@code dnsRecords} is empty for HTTP-only services; {@code customHealthCheck}
 * is the HealthCheckCustomConfig failure threshold (null when the service has none), {@code healthCheck} the
 * Route 53 HealthCheckConfig (null when none). Instances are kept in registration order; {@code instancesRevision}
 * counts their changes.
 */
public final class DiscoveryService {
    private final String id;
    private final String arn;
    private final String name;
    private final String namespaceId;
    private String description;
    private final String type;
    private final String routingPolicy;
    private List<DnsRecordSpec> dnsRecords;
    private HealthCheckSpec healthCheck;
    private final Integer customHealthCheck;
    private final Instant createDate;
    private final String creatorRequestId;
    final Map<String, DiscoveryInstance> instances = new LinkedHashMap<>();
    final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long instancesRevision;

    /** One DNS record Cloud Map keeps per instance: type {@code A}, {@code AAAA}, {@code SRV} or {@code CNAME}, with its TTL. */
    public record DnsRecordSpec(String type, long ttl) {
    }

    /** A Route 53 health check: {@code HTTP}, {@code HTTPS} or {@code TCP}. */
    public record HealthCheckSpec(String type, String resourcePath, Integer failureThreshold) {
    }

    DiscoveryService(String id, String arn, String name, String namespaceId, String description, String type, String routingPolicy,
                     List<DnsRecordSpec> dnsRecords, HealthCheckSpec healthCheck, Integer customHealthCheck, Instant createDate,
                     String creatorRequestId) {
        this.id = id;
        this.arn = arn;
        this.name = name;
        this.namespaceId = namespaceId;
        this.description = description;
        this.type = type;
        this.routingPolicy = routingPolicy;
        this.dnsRecords = List.copyOf(dnsRecords);
        this.healthCheck = healthCheck;
        this.customHealthCheck = customHealthCheck;
        this.createDate = createDate;
        this.creatorRequestId = creatorRequestId;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String namespaceId() {
        return namespaceId;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    void setDescription(String value) {
        description = value;
    }

    /** {@code HTTP}, {@code DNS_HTTP} or {@code DNS}. */
    public String type() {
        return type;
    }

    public Optional<String> routingPolicy() {
        return Optional.ofNullable(routingPolicy);
    }

    public List<DnsRecordSpec> dnsRecords() {
        return dnsRecords;
    }

    void setDnsRecords(List<DnsRecordSpec> value) {
        dnsRecords = List.copyOf(value);
    }

    public Optional<DnsRecordSpec> dnsRecord(String recordType) {
        return dnsRecords.stream().filter(r -> r.type().equals(recordType)).findFirst();
    }

    public Optional<HealthCheckSpec> healthCheck() {
        return Optional.ofNullable(healthCheck);
    }

    void setHealthCheck(HealthCheckSpec value) {
        healthCheck = value;
    }

    public Optional<Integer> customHealthCheck() {
        return Optional.ofNullable(customHealthCheck);
    }

    public Instant createDate() {
        return createDate;
    }

    public Optional<String> creatorRequestId() {
        return Optional.ofNullable(creatorRequestId);
    }

    public List<DiscoveryInstance> instances() {
        return List.copyOf(instances.values());
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The service's own attributes (UpdateServiceAttributes), not its instances'. */
    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    /** Grows with every change to the service's instances or their health (DiscoverInstancesRevision). */
    public long instancesRevision() {
        return instancesRevision;
    }

    void instancesChanged() {
        instancesRevision++;
    }

    /** For a restore: the revision the service had reached. */
    void resumeInstancesRevision(long value) {
        instancesRevision = value;
    }
}
