package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.discovery.CloudMapRecord.DnsRecordRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord.HealthCheckRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord.InstanceRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord.NamespaceRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord.OperationRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord.ServiceRecord;

import java.util.LinkedHashMap;
import java.util.TreeMap;

/** {@link CloudMap}'s state to and from {@link CloudMapRecord}, kept apart so that CloudMap stays about Cloud Map. */
final class CloudMapSnapshots {
    private CloudMapSnapshots() {
    }

    static CloudMapRecord export(CloudMap cloudMap) {
        return new CloudMapRecord(
                cloudMap.namespaces.values().stream().map(CloudMapSnapshots::namespace).toList(),
                cloudMap.services.values().stream().map(CloudMapSnapshots::service).toList(),
                cloudMap.operations.values().stream().map(CloudMapSnapshots::operation).toList(),
                new LinkedHashMap<>(cloudMap.operationByCreatorRequest));
    }

    static void restore(CloudMap cloudMap, CloudMapRecord record) {
        cloudMap.namespaces.clear();
        cloudMap.services.clear();
        cloudMap.operations.clear();
        cloudMap.operationByCreatorRequest.clear();
        for (NamespaceRecord r : record.namespaces()) {
            Namespace ns = new Namespace(r.id(), r.arn(), r.name(), r.type(), r.description(), r.vpcId(), r.hostedZoneId(), r.soaTtl(),
                    r.createDate(), r.creatorRequestId());
            ns.tags().putAll(r.tags());
            cloudMap.namespaces.put(ns.id(), ns);
        }
        for (ServiceRecord r : record.services()) {
            DiscoveryService s = service(r);
            cloudMap.services.put(s.id(), s);
        }
        for (OperationRecord r : record.operations()) {
            cloudMap.operations.put(r.id(), new DiscoveryOperation(r.id(), r.type(), r.status(), r.createDate(), r.updateDate(), r.targets()));
        }
        cloudMap.operationByCreatorRequest.putAll(record.operationByCreatorRequest());
    }

    private static NamespaceRecord namespace(Namespace ns) {
        return new NamespaceRecord(ns.id(), ns.arn(), ns.name(), ns.type(), ns.description().orElse(null), ns.vpcId().orElse(null),
                ns.hostedZoneId().orElse(null), ns.soaTtl(), ns.createDate(), ns.creatorRequestId().orElse(null),
                new LinkedHashMap<>(ns.tags()));
    }

    private static ServiceRecord service(DiscoveryService s) {
        HealthCheckRecord check = s.healthCheck()
                .map(h -> new HealthCheckRecord(h.type(), h.resourcePath(), h.failureThreshold())).orElse(null);
        return new ServiceRecord(s.id(), s.arn(), s.name(), s.namespaceId(), s.description().orElse(null), s.type(),
                s.routingPolicy().orElse(null), s.dnsRecords().stream().map(d -> new DnsRecordRecord(d.type(), d.ttl())).toList(),
                check, s.customHealthCheck().orElse(null), s.createDate(), s.creatorRequestId().orElse(null),
                // an instance keeps its attributes unordered: name order makes the record the same every time
                s.instances.values().stream().map(i -> new InstanceRecord(i.id(), new TreeMap<>(i.attributes()), i.customHealth(),
                        i.creatorRequestId())).toList(),
                new LinkedHashMap<>(s.attributes), new LinkedHashMap<>(s.tags()), s.instancesRevision());
    }

    private static DiscoveryService service(ServiceRecord r) {
        HealthCheckRecord h = r.healthCheck();
        DiscoveryService s = new DiscoveryService(r.id(), r.arn(), r.name(), r.namespaceId(), r.description(), r.type(), r.routingPolicy(),
                r.dnsRecords().stream().map(d -> new DiscoveryService.DnsRecordSpec(d.type(), d.ttl())).toList(),
                h == null ? null : new DiscoveryService.HealthCheckSpec(h.type(), h.resourcePath(), h.failureThreshold()),
                r.customHealthCheck(), r.createDate(), r.creatorRequestId());
        for (InstanceRecord i : r.instances()) {
            s.instances.put(i.id(), new DiscoveryInstance(i.id(), i.attributes(), i.customHealth(), i.creatorRequestId()));
        }
        s.attributes.putAll(r.attributes());
        s.tags().putAll(r.tags());
        s.resumeInstancesRevision(r.instancesRevision());
        return s;
    }

    private static OperationRecord operation(DiscoveryOperation op) {
        return new OperationRecord(op.id(), op.type(), op.status(), op.createDate(), op.updateDate(), new TreeMap<>(op.targets()));
    }
}
