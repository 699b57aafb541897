package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cloud Map restored from its record: namespaces of every type, services with DNS records, Route 53 and custom
 * health checks, attributes and tags, instances with their health and revisions, operations and creator request
 * ids, and deleted resources. The twin must answer as the original does, and go on giving the same ids.
 */
class CloudMapSnapshotTest {
    private static final DiscoveryService.DnsRecordSpec A = new DiscoveryService.DnsRecordSpec("A", 10);
    private static final DiscoveryService.DnsRecordSpec SRV = new DiscoveryService.DnsRecordSpec("SRV", 20);

    /** What the original built, by name, so that both regions can be driven the same way afterwards. */
    private record Built(String privateNamespace, String httpNamespace, String publicNamespace, String web, String api, String site,
                         String namespaceRequestOperation) {
    }

    private static Built build(RegionTwin t) {
        CloudMap cm = t.region.cloudMap();
        String vpc = t.region.network().createVpc("10.0.0.0/16", null, Map.of()).id();
        String privateOp = cm.createNamespace("DNS_PRIVATE", "svc.local.", "tasks", vpc, 30L, null, Map.of("team", "web", "env", "dev"));
        String privateNs = cm.operation(privateOp, null).targets().get("NAMESPACE");
        String httpOp = cm.createNamespace("HTTP", "apps", null, null, null, "ns-request-1", Map.of());
        String httpNs = cm.operation(httpOp, null).targets().get("NAMESPACE");
        String publicNs = cm.operation(cm.createNamespace("DNS_PUBLIC", "example.com", null, null, null, null, Map.of()), null)
                .targets().get("NAMESPACE");
        String doomed = cm.operation(cm.createNamespace("HTTP", "doomed", null, null, null, null, Map.of()), null).targets().get("NAMESPACE");
        t.advance(Duration.ofSeconds(7));
        cm.updateNamespace("DNS_PRIVATE", privateNs, "task discovery", 60L);
        cm.deleteNamespace(doomed);

        DiscoveryService web = cm.createService(new CloudMap.ServiceRequest("web", privateNs, "web tasks", null, "MULTIVALUE",
                List.of(A, SRV), true, null, 1, true, "srv-request-1", Map.of("svc", "web")));
        DiscoveryService api = cm.createService(new CloudMap.ServiceRequest("api", httpNs, null, null, null, List.of(), false, null,
                null, false, null, Map.of()));
        DiscoveryService site = cm.createService(new CloudMap.ServiceRequest("www", publicNs, null, null, "WEIGHTED",
                List.of(new DiscoveryService.DnsRecordSpec("CNAME", 300)), true,
                new DiscoveryService.HealthCheckSpec("HTTPS", "/health", 3), null, false, null, Map.of()));
        DiscoveryService gone = cm.createService(new CloudMap.ServiceRequest("gone", httpNs, null, null, null, List.of(), false, null,
                null, false, null, Map.of()));
        cm.deleteService(gone.id());
        t.advance(Duration.ofSeconds(3));
        cm.updateService(web.id(), "web tasks, updated", List.of(new DiscoveryService.DnsRecordSpec("SRV", 25),
                new DiscoveryService.DnsRecordSpec("A", 15)), null);
        cm.updateService(site.id(), null, List.of(), new DiscoveryService.HealthCheckSpec("HTTPS", "/ready", 2));
        cm.updateServiceAttributes(api.id(), Map.of("stage", "beta"));
        cm.updateServiceAttributes(api.id(), Map.of("owner", "team-a"));
        cm.updateServiceAttributes(api.id(), Map.of("tier", "1"));
        cm.deleteServiceAttributes(api.id(), List.of("owner"));
        cm.tag(api.arn(), Map.of("b", "2"));
        cm.tag(api.arn(), Map.of("a", "1"));
        cm.tag(cm.namespace(httpNs).arn(), Map.of("zone", "apps"));

        for (int i = 1; i <= 4; i++) {
            cm.registerInstance(web.id(), "task-" + i, Map.of("AWS_INSTANCE_IPV4", "10.0.1." + (10 + i), "AWS_INSTANCE_PORT", "8080",
                    "AVAILABILITY_ZONE", i % 2 == 0 ? "us-east-1b" : "us-east-1a", "ECS_TASK_DEFINITION_FAMILY", "web"), null);
        }
        cm.registerInstance(web.id(), "task-5", Map.of("AWS_INSTANCE_IPV4", "10.0.1.15", "AWS_INSTANCE_PORT", "8080",
                "AWS_INIT_HEALTH_STATUS", "UNHEALTHY"), "register-5");
        cm.updateInstanceCustomHealthStatus(web.id(), "task-2", "UNHEALTHY");
        cm.deregisterInstance(web.id(), "task-3");
        cm.registerInstance(api.id(), "api-1", Map.of("url", "http://10.0.2.10:9000", "version", "7"), null);
        cm.registerInstance(site.id(), "origin", Map.of("AWS_INSTANCE_CNAME", "origin.example.net"), null);
        t.advance(Duration.ofSeconds(2));
        return new Built(privateNs, httpNs, publicNs, web.id(), api.id(), site.id(), httpOp);
    }

    /** Everything a client can read back from Cloud Map, rendered so that a difference shows which resource differs. */
    private static List<String> answers(RegionTwin t, Built b) {
        CloudMap cm = t.region.cloudMap();
        List<String> out = new ArrayList<>();
        for (Namespace n : cm.namespaces()) {
            out.add("namespace " + n.id() + " " + n.arn() + " " + n.name() + " " + n.type() + " " + n.description().orElse("-") + " "
                    + n.vpcId().orElse("-") + " " + n.hostedZoneId().orElse("-") + " " + n.soaTtl() + " " + n.createDate() + " "
                    + n.creatorRequestId().orElse("-") + " " + n.tags() + " services=" + cm.serviceCount(n));
        }
        for (DiscoveryService s : cm.services()) {
            out.add("service " + s.id() + " " + s.arn() + " " + s.name() + " " + s.namespaceId() + " " + s.description().orElse("-") + " "
                    + s.type() + " " + s.routingPolicy().orElse("-") + " " + s.dnsRecords() + " " + s.healthCheck().orElse(null) + " "
                    + s.customHealthCheck().orElse(null) + " " + s.createDate() + " " + s.creatorRequestId().orElse("-") + " "
                    + new TreeMap<>(s.attributes()) + " " + s.tags() + " revision=" + s.instancesRevision());
            for (DiscoveryInstance i : s.instances()) {
                out.add("  instance " + i.id() + " " + new TreeMap<>(i.attributes()) + " " + cm.healthStatus(s, i) + " " + i.creatorRequestId());
            }
            for (String filter : List.of("ALL", "HEALTHY", "UNHEALTHY", "HEALTHY_OR_ELSE_ALL")) {
                out.add("  discover " + filter + " " + cm.discover(s, filter, Map.of(), Map.of()).stream().map(DiscoveryInstance::id).toList());
            }
        }
        for (DiscoveryOperation op : cm.operations()) {
            out.add("operation " + op.id() + " " + op.type() + " " + op.status() + " " + op.createDate() + " " + op.updateDate() + " "
                    + new TreeMap<>(op.targets()));
        }
        for (String name : List.of("web.svc.local", "task-1.web.svc.local", "task-3.web.svc.local", "svc.local", "nope.svc.local",
                "www.example.com", "elsewhere.org")) {
            for (String type : List.of("A", "SRV")) {
                DnsAnswer a = cm.lookup(name, type);
                out.add("dns " + name + " " + type + " " + a.rcode() + " " + a.records());
            }
        }
        out.add("operation of the creator request " + cm.operation(b.namespaceRequestOperation(), null).id());
        return out;
    }

    @Test
    void aRestoredCloudMapAnswersAndExportsAsTheOriginal() {
        RegionTwin a = new RegionTwin(11);
        Built built = build(a);

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(answers(b, built)).containsExactlyElementsOf(answers(a, built));
    }

    @Test
    void aRestoredCloudMapGoesOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(12);
        Built built = build(a);
        RegionTwin b = a.twin();

        Function<RegionTwin, List<String>> next = t -> {
            CloudMap cm = t.region.cloudMap();
            List<String> out = new ArrayList<>();
            // retries with the same creator request ids get what the first call got
            out.add(cm.createNamespace("HTTP", "apps", null, null, null, "ns-request-1", Map.of()));
            out.add(cm.createService(new CloudMap.ServiceRequest("web", built.privateNamespace(), null, null, null, List.of(A), true,
                    null, null, true, "srv-request-1", Map.of())).id());
            String op = cm.createNamespace("HTTP", "batch", "jobs", null, null, "ns-request-2", Map.of());
            out.add(op + " " + cm.operation(op, null).targets());
            DiscoveryService svc = cm.createService(new CloudMap.ServiceRequest("jobs", cm.operation(op, null).targets().get("NAMESPACE"),
                    null, null, null, List.of(), false, null, 1, true, null, Map.of()));
            out.add(svc.id() + " " + svc.arn() + " " + svc.createDate());
            t.advance(Duration.ofSeconds(5));
            out.add(cm.registerInstance(built.web(), "task-6", Map.of("AWS_INSTANCE_IPV4", "10.0.1.16", "AWS_INSTANCE_PORT", "8080"), null));
            out.add(cm.deregisterInstance(built.web(), "task-1"));
            cm.updateInstanceCustomHealthStatus(built.web(), "task-2", "HEALTHY");
            cm.updateInstanceCustomHealthStatus(built.web(), "task-5", "UNHEALTHY");
            out.add(cm.updateNamespace("HTTP", built.httpNamespace(), "apps again", null));
            cm.updateServiceAttributes(built.api(), Map.of("stage", "prod"));
            cm.tag(cm.service(built.api()).arn(), Map.of("c", "3"));
            cm.deregisterInstance(built.site(), "origin");
            cm.deleteService(built.site());
            out.add(cm.deleteNamespace(built.publicNamespace()));
            t.settle();
            out.addAll(answers(t, built));
            return out;
        };

        assertThat(next.apply(b)).containsExactlyElementsOf(next.apply(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    @Test
    void theRecordIsACopy() {
        RegionTwin a = new RegionTwin(13);
        Built built = build(a);
        CloudMapRecord before = a.region.cloudMap().export();

        a.region.cloudMap().registerInstance(built.api(), "api-2", Map.of(), null);
        a.region.cloudMap().tag(a.region.cloudMap().service(built.api()).arn(), Map.of("later", "yes"));
        a.region.cloudMap().updateServiceAttributes(built.api(), Map.of("later", "yes"));

        assertThat(a.region.cloudMap().export()).isNotEqualTo(before);
        CloudMapRecord.ServiceRecord api = before.services().stream().filter(s -> s.id().equals(built.api())).findFirst().orElseThrow();
        assertThat(api.instances()).extracting(CloudMapRecord.InstanceRecord::id).containsExactly("api-1");
        assertThat(api.tags()).containsOnlyKeys("b", "a");
        assertThat(api.attributes()).containsOnlyKeys("stage", "tier");
    }
}
