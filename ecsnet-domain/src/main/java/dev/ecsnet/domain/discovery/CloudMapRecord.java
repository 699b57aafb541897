package dev.ecsnet.domain.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cloud Map of one account in one region, as plain data (see docs/design-state.md, "Snapshot records"). Lists are
 * in creation order (instances in registration order), which is also the order DNS answers and ListX use.
 *
 * @param operationByCreatorRequest the operation a CreateNamespace with a creator request id gave, by {@code ns/<id>},
 *                                  so that a retry gets the same operation back
 */
public record CloudMapRecord(List<NamespaceRecord> namespaces, List<ServiceRecord> services, List<OperationRecord> operations,
                             Map<String, String> operationByCreatorRequest) {

    /** {@code description}, {@code vpcId} (private DNS only), {@code hostedZoneId} (DNS only) and {@code creatorRequestId} may be null. */
    public record NamespaceRecord(String id, String arn, String name, String type, String description, String vpcId,
                                  String hostedZoneId, long soaTtl, Instant createDate, String creatorRequestId,
                                  Map<String, String> tags) {
    }

    /**
     * {@code routingPolicy} and {@code healthCheck} are null when the service has none, {@code customHealthCheck}
     * (the failure threshold) when it has no custom health check; {@code instancesRevision} is what
     * DiscoverInstancesRevision answers.
     */
    public record ServiceRecord(String id, String arn, String name, String namespaceId, String description, String type,
                                String routingPolicy, List<DnsRecordRecord> dnsRecords, HealthCheckRecord healthCheck,
                                Integer customHealthCheck, Instant createDate, String creatorRequestId,
                                List<InstanceRecord> instances, Map<String, String> attributes, Map<String, String> tags,
                                long instancesRevision) {
    }

    public record DnsRecordRecord(String type, long ttl) {
    }

    public record HealthCheckRecord(String type, String resourcePath, Integer failureThreshold) {
    }

    /**
     * {@code customHealth} is null for services without a custom health check. The instance keeps its attributes
     * unordered, so they are listed in name order.
     */
    public record InstanceRecord(String id, Map<String, String> attributes, String customHealth, String creatorRequestId) {
    }

    /** {@code targets} (NAMESPACE, SERVICE, INSTANCE to ids) in name order; the operation keeps them unordered. */
    public record OperationRecord(String id, String type, String status, Instant createDate, Instant updateDate,
                                  Map<String, String> targets) {
    }
}
