package dev.ecsnet.api.servicediscovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.discovery.CloudMap;
import dev.ecsnet.domain.discovery.DiscoveryService;
import dev.ecsnet.domain.discovery.Namespace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler.cloudMap;
import static dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler.epoch;
import static dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler.operationId;

/** Cloud Map namespace and service operations. */
final class ServiceDiscoveryNamespaceOps {
    private ServiceDiscoveryNamespaceOps() {
    }

    static void register(OperationTable ops) {
        ops.register("CreatePrivateDnsNamespace", c -> createNamespace(c, "DNS_PRIVATE"))
                .register("CreatePublicDnsNamespace", c -> createNamespace(c, "DNS_PUBLIC"))
                .register("CreateHttpNamespace", c -> createNamespace(c, "HTTP"))
                .register("GetNamespace", c -> {
                    ObjectNode out = Call.object();
                    out.set("Namespace", renderNamespace(cloudMap(c), cloudMap(c).namespace(c.params().required("Id")), true));
                    return out;
                })
                .register("ListNamespaces", ServiceDiscoveryNamespaceOps::listNamespaces)
                .register("DeleteNamespace", c -> operationId(cloudMap(c).deleteNamespace(c.params().required("Id"))))
                .register("UpdatePrivateDnsNamespace", c -> updateNamespace(c, "DNS_PRIVATE"))
                .register("UpdatePublicDnsNamespace", c -> updateNamespace(c, "DNS_PUBLIC"))
                .register("UpdateHttpNamespace", c -> updateNamespace(c, "HTTP"))
                .register("CreateService", ServiceDiscoveryNamespaceOps::createService)
                .register("GetService", c -> {
                    ObjectNode out = Call.object();
                    out.set("Service", renderService(cloudMap(c).service(c.params().required("Id")), true, c.accountId()));
                    return out;
                })
                .register("ListServices", ServiceDiscoveryNamespaceOps::listServices)
                .register("UpdateService", ServiceDiscoveryNamespaceOps::updateService)
                .register("DeleteService", c -> {
                    cloudMap(c).deleteService(c.params().required("Id"));
                    return Call.object();
                })
                .register("GetServiceAttributes", ServiceDiscoveryNamespaceOps::getServiceAttributes)
                .register("UpdateServiceAttributes", c -> {
                    if (!c.params().has("Attributes")) {
                        throw ServiceDiscoveryHandler.missing("attributes");
                    }
                    cloudMap(c).updateServiceAttributes(c.params().required("ServiceId"), ServiceDiscoveryHandler.stringMap(c.params(), "Attributes"));
                    return Call.object();
                })
                .register("DeleteServiceAttributes", c -> {
                    if (!c.params().has("Attributes")) {
                        throw ServiceDiscoveryHandler.missing("attributes");
                    }
                    cloudMap(c).deleteServiceAttributes(c.params().required("ServiceId"), c.params().strings("Attributes"));
                    return Call.object();
                });
    }

    private static Long soaTtl(Params properties) {
        Params soa = properties.child("DnsProperties").child("SOA");
        return soa.has("TTL") ? Long.valueOf(soa.integer("TTL").orElseThrow()) : null;
    }

    private static ObjectNode createNamespace(Call c, String type) {
        Params p = c.params();
        return operationId(cloudMap(c).createNamespace(type, p.required("Name"), p.string("Description").orElse(null),
                type.equals("DNS_PRIVATE") ? p.required("Vpc") : null, soaTtl(p.child("Properties")),
                p.string("CreatorRequestId").orElse(null), ServiceDiscoveryHandler.tags(p)));
    }

    private static ObjectNode updateNamespace(Call c, String type) {
        if (!c.params().has("Namespace")) {
            throw ServiceDiscoveryHandler.missing("namespace");
        }
        Params ns = c.params().child("Namespace");
        if (type.equals("HTTP") && !ns.has("Description")) {
            throw ServiceDiscoveryHandler.missing("namespace.description");
        }
        return operationId(cloudMap(c).updateNamespace(type, c.params().required("Id"), ns.string("Description").orElse(null),
                soaTtl(ns.child("Properties"))));
    }

    static ObjectNode renderNamespace(CloudMap cm, Namespace ns, boolean full) {
        ObjectNode o = Call.object().put("Id", ns.id()).put("Arn", ns.arn()).put("ResourceOwner", cm.accountId())
                .put("Name", ns.name()).put("Type", ns.type());
        ns.description().ifPresent(d -> o.put("Description", d));
        o.put("ServiceCount", cm.serviceCount(ns));
        // As AWS answers: GetNamespace gives an HTTP namespace an empty DnsProperties and a DNS one its SOA TTL;
        // ListNamespaces gives every namespace an SOA without its TTL (the AWS CLI's get-namespace/list-namespaces).
        ObjectNode dns = o.putObject("Properties").putObject("DnsProperties");
        ns.hostedZoneId().ifPresent(z -> dns.put("HostedZoneId", z));
        if (!full) {
            dns.putObject("SOA");
        } else if (ns.isDns()) {
            dns.putObject("SOA").put("TTL", ns.soaTtl());
        }
        ((ObjectNode) o.get("Properties")).putObject("HttpProperties").put("HttpName", ns.name());
        o.put("CreateDate", epoch(ns.createDate()));
        if (full) {
            ns.creatorRequestId().ifPresent(r -> o.put("CreatorRequestId", r));
        }
        return o;
    }

    private static ObjectNode listNamespaces(Call c) {
        Map<String, ServiceDiscoveryHandler.FilterField<Namespace>> fields = new LinkedHashMap<>();
        fields.put("TYPE", ServiceDiscoveryHandler.FilterField.of(Namespace::type, "EQ", "BEGINS_WITH"));
        fields.put("NAME", ServiceDiscoveryHandler.FilterField.of(Namespace::name, "EQ", "BEGINS_WITH"));
        fields.put("HTTP_NAME", ServiceDiscoveryHandler.FilterField.of(Namespace::name, "EQ", "BEGINS_WITH"));
        fields.put("RESOURCE_OWNER", ServiceDiscoveryHandler.resourceOwner());
        List<Namespace> all = cloudMap(c).namespaces().stream().filter(ServiceDiscoveryHandler.filters(c.params(), fields)).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Namespaces");
        ServiceDiscoveryHandler.page(c.params(), all, out).forEach(ns -> list.add(renderNamespace(cloudMap(c), ns, false)));
        return out;
    }

    private static List<DiscoveryService.DnsRecordSpec> records(Params dnsConfig) {
        List<DiscoveryService.DnsRecordSpec> out = new ArrayList<>();
        for (Params r : dnsConfig.list("DnsRecords")) {
            out.add(new DiscoveryService.DnsRecordSpec(r.required("Type"), r.integer("TTL").orElseThrow(() ->
                    ServiceDiscoveryHandler.invalid("DnsRecord TTL is required"))));
        }
        return out;
    }

    private static DiscoveryService.HealthCheckSpec healthCheck(Params p) {
        if (!p.has("HealthCheckConfig")) {
            return null;
        }
        Params h = p.child("HealthCheckConfig");
        return new DiscoveryService.HealthCheckSpec(h.required("Type"), h.string("ResourcePath").orElse(null),
                h.integer("FailureThreshold").orElse(null));
    }

    private static ObjectNode createService(Call c) {
        Params p = c.params();
        Params dns = p.child("DnsConfig");
        String namespaceId = p.string("NamespaceId").orElse(dns.string("NamespaceId").orElse(null));
        DiscoveryService s = cloudMap(c).createService(new CloudMap.ServiceRequest(p.required("Name"), namespaceId,
                p.string("Description").orElse(null), p.string("Type").orElse(null), dns.string("RoutingPolicy").orElse(null),
                records(dns), p.has("DnsConfig"), healthCheck(p), p.child("HealthCheckCustomConfig").integer("FailureThreshold").orElse(null),
                p.has("HealthCheckCustomConfig"), p.string("CreatorRequestId").orElse(null), ServiceDiscoveryHandler.tags(p)));
        ObjectNode out = Call.object();
        out.set("Service", renderService(s, true, c.accountId()));
        return out;
    }

    static ObjectNode renderService(DiscoveryService s, boolean full, String accountId) {
        ObjectNode o = Call.object().put("Id", s.id()).put("Arn", s.arn()).put("ResourceOwner", accountId).put("Name", s.name());
        if (full) {
            o.put("NamespaceId", s.namespaceId());
        }
        s.description().ifPresent(d -> o.put("Description", d));
        o.put("InstanceCount", s.instances().size());
        if (!s.dnsRecords().isEmpty()) {
            ObjectNode dns = o.putObject("DnsConfig").put("NamespaceId", s.namespaceId());
            s.routingPolicy().ifPresent(r -> dns.put("RoutingPolicy", r));
            ArrayNode recs = dns.putArray("DnsRecords");
            s.dnsRecords().forEach(r -> recs.addObject().put("Type", r.type()).put("TTL", r.ttl()));
        }
        o.put("Type", s.type());
        s.healthCheck().ifPresent(h -> {
            ObjectNode hc = o.putObject("HealthCheckConfig").put("Type", h.type());
            if (h.resourcePath() != null) {
                hc.put("ResourcePath", h.resourcePath());
            }
            hc.put("FailureThreshold", h.failureThreshold() == null ? 1 : h.failureThreshold());
        });
        s.customHealthCheck().ifPresent(t -> o.putObject("HealthCheckCustomConfig").put("FailureThreshold", t));
        o.put("CreateDate", epoch(s.createDate()));
        if (full) {
            s.creatorRequestId().ifPresent(r -> o.put("CreatorRequestId", r));
        }
        return o.put("CreatedByAccount", accountId);
    }

    private static ObjectNode getServiceAttributes(Call c) {
        DiscoveryService s = cloudMap(c).service(c.params().required("ServiceId"));
        ObjectNode out = Call.object();
        ObjectNode a = out.putObject("ServiceAttributes").put("ServiceArn", s.arn()).put("ResourceOwner", c.accountId());
        ObjectNode attrs = a.putObject("Attributes");
        s.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> attrs.put(e.getKey(), e.getValue()));
        return out;
    }

    private static ObjectNode listServices(Call c) {
        Map<String, ServiceDiscoveryHandler.FilterField<DiscoveryService>> fields = new LinkedHashMap<>();
        fields.put("NAMESPACE_ID", new ServiceDiscoveryHandler.FilterField<>(DiscoveryService::namespaceId, java.util.Set.of("EQ"),
                v -> v.startsWith("arn:") ? v.substring(v.lastIndexOf('/') + 1) : v));
        fields.put("RESOURCE_OWNER", ServiceDiscoveryHandler.resourceOwner());
        List<DiscoveryService> all = cloudMap(c).services().stream().filter(ServiceDiscoveryHandler.filters(c.params(), fields)).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Services");
        ServiceDiscoveryHandler.page(c.params(), all, out).forEach(s -> list.add(renderService(s, false, c.accountId())));
        return out;
    }

    private static ObjectNode updateService(Call c) {
        Params change = c.params().child("Service");
        if (!c.params().has("Service")) {
            throw ServiceDiscoveryHandler.invalid("Service is required");
        }
        return operationId(cloudMap(c).updateService(c.params().required("Id"), change.string("Description").orElse(null),
                records(change.child("DnsConfig")), healthCheck(change)));
    }
}
