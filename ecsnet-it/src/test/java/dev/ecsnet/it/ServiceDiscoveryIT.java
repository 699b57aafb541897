package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;
import software.amazon.awssdk.services.servicediscovery.model.Operation;
import software.amazon.awssdk.services.servicediscovery.model.Service;
import software.amazon.awssdk.services.servicediscovery.model.ServiceDiscoveryException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cloud Map through the real SDK: namespaces, services, instances, operations and tags, with AWS's error codes. */
class ServiceDiscoveryIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ServiceDiscoveryClient sd;

    @BeforeAll
    static void client() {
        sd = client(ecsnet);
    }

    /** DiscoverInstances goes to the {@code data-} host prefix on AWS; against a local endpoint the prefix is turned off. */
    static ServiceDiscoveryClient client(EcsnetServerExtension ecsnet) {
        return ecsnet.configure(ServiceDiscoveryClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterAll
    static void close() {
        sd.close();
    }

    static void assertError(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceDiscoveryException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    static Namespace privateNamespace(ServiceDiscoveryClient sd, String vpc, String name) {
        String op = sd.createPrivateDnsNamespace(r -> r.name(name).vpc(vpc).description("ns")).operationId();
        Operation o = sd.getOperation(r -> r.operationId(op)).operation();
        assertThat(o.statusAsString()).isEqualTo("SUCCESS");
        assertThat(o.typeAsString()).isEqualTo("CREATE_NAMESPACE");
        return sd.getNamespace(r -> r.id(o.targetsAsStrings().get("NAMESPACE"))).namespace();
    }

    static Service webService(ServiceDiscoveryClient sd, Namespace ns) {
        return sd.createService(r -> r.name("web-app").namespaceId(ns.id())
                .dnsConfig(d -> d.namespaceId(ns.id()).routingPolicy("MULTIVALUE").dnsRecords(x -> x.type("A").ttl(10L), x -> x.type("SRV").ttl(10L)))
                .healthCheckCustomConfig(h -> h.failureThreshold(1))).service();
    }

    @Test
    void privateNamespaceServiceAndInstances() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        Namespace ns = privateNamespace(sd, vpc, "seed.local");
        assertThat(ns.id()).matches("ns-[a-z0-9]{16}");
        assertThat(ns.arn()).isEqualTo("arn:aws:servicediscovery:us-east-1:000000000000:namespace/" + ns.id());
        assertThat(ns.typeAsString()).isEqualTo("DNS_PRIVATE");
        assertThat(ns.properties().dnsProperties().hostedZoneId()).startsWith("Z");
        assertThat(ns.properties().httpProperties().httpName()).isEqualTo("seed.local");
        assertError(() -> sd.createPrivateDnsNamespace(r -> r.name("seed.local").vpc(vpc)), "NamespaceAlreadyExists");
        assertError(() -> sd.createPrivateDnsNamespace(r -> r.name("other.local").vpc("vpc-0123456789abcdef0")), "InvalidInput");

        Service svc = webService(sd, ns);
        assertThat(svc.id()).matches("srv-[a-z0-9]{16}");
        assertThat(svc.typeAsString()).isEqualTo("DNS_HTTP");
        assertThat(svc.dnsConfig().namespaceId()).isEqualTo(ns.id());
        assertThat(sd.getService(r -> r.id(svc.id())).service().healthCheckCustomConfig().failureThreshold()).isEqualTo(1);
        assertError(() -> webService(sd, ns), "ServiceAlreadyExists");
        assertThat(sd.listServices(r -> r.filters(f -> f.name("NAMESPACE_ID").values(ns.id()))).services()).hasSize(1);
        assertThat(sd.listNamespaces().namespaces()).extracting(n -> n.name()).containsExactly("seed.local");

        String op = sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("task1")
                .attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.1.10", "AWS_INSTANCE_PORT", "8080"))).operationId();
        assertThat(sd.getOperation(r -> r.operationId(op)).operation().statusAsString()).isEqualTo("SUCCESS");
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("task2")
                .attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.2.10", "AWS_INSTANCE_PORT", "8080", "AWS_INIT_HEALTH_STATUS", "UNHEALTHY")));
        assertError(() -> sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("task3").attributes(Map.of("AWS_INSTANCE_PORT", "1"))), "InvalidInput");
        assertThat(sd.listInstances(r -> r.serviceId(svc.id())).instances()).extracting(i -> i.attributes().get("AWS_INSTANCE_IPV4"))
                .containsExactly("10.0.1.10", "10.0.2.10");
        assertThat(sd.getInstance(r -> r.serviceId(svc.id()).instanceId("task1")).instance().attributes()).containsEntry("AWS_INSTANCE_PORT", "8080");
        List<HttpInstanceSummary> healthy = sd.discoverInstances(r -> r.namespaceName("seed.local").serviceName("web-app").healthStatus("HEALTHY")).instances();
        assertThat(healthy).extracting(HttpInstanceSummary::instanceId).containsExactly("task1");
        assertThat(sd.discoverInstances(r -> r.namespaceName("seed.local").serviceName("web-app").healthStatus("ALL")).instances()).hasSize(2);
        sd.updateInstanceCustomHealthStatus(r -> r.serviceId(svc.id()).instanceId("task2").status("HEALTHY"));
        assertThat(sd.getInstancesHealthStatus(r -> r.serviceId(svc.id())).statusAsStrings()).containsEntry("task2", "HEALTHY");
        assertError(() -> sd.getInstance(r -> r.serviceId(svc.id()).instanceId("nope")), "InstanceNotFound");
        assertError(() -> sd.deleteNamespace(r -> r.id(ns.id())), "ResourceInUse");
        assertError(() -> sd.deleteService(r -> r.id(svc.id())), "ResourceInUse");

        sd.deregisterInstance(r -> r.serviceId(svc.id()).instanceId("task1"));
        sd.deregisterInstance(r -> r.serviceId(svc.id()).instanceId("task2"));
        assertThat(sd.listOperations(r -> r.filters(f -> f.name("TYPE").values("REGISTER_INSTANCE"))).operations()).hasSize(2);
        sd.updateService(r -> r.id(svc.id()).service(s -> s.description("web").dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(30L)))));
        assertThat(sd.getService(r -> r.id(svc.id())).service().dnsConfig().dnsRecords().get(0).ttl()).isEqualTo(30L);
        sd.deleteService(r -> r.id(svc.id()));
        assertError(() -> sd.getService(r -> r.id(svc.id())), "ServiceNotFound");
        String del = sd.deleteNamespace(r -> r.id(ns.id())).operationId();
        assertThat(sd.getOperation(r -> r.operationId(del)).operation().typeAsString()).isEqualTo("DELETE_NAMESPACE");
        assertError(() -> sd.getNamespace(r -> r.id(ns.id())), "NamespaceNotFound");
        assertError(() -> sd.getOperation(r -> r.operationId("nope")), "OperationNotFound");
    }

    @Test
    void httpNamespaceAndTags() {
        String op = sd.createHttpNamespace(r -> r.name("api").tags(t -> t.key("team").value("web"))).operationId();
        String nsId = sd.getOperation(r -> r.operationId(op)).operation().targetsAsStrings().get("NAMESPACE");
        Namespace ns = sd.getNamespace(r -> r.id(nsId)).namespace();
        assertThat(ns.typeAsString()).isEqualTo("HTTP");
        assertThat(sd.listTagsForResource(r -> r.resourceARN(ns.arn())).tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
        sd.tagResource(r -> r.resourceARN(ns.arn()).tags(t -> t.key("env").value("dev")));
        sd.untagResource(r -> r.resourceARN(ns.arn()).tagKeys("team"));
        assertThat(sd.listTagsForResource(r -> r.resourceARN(ns.arn())).tags()).extracting(t -> t.key()).containsExactly("env");
        assertError(() -> sd.createService(r -> r.name("x").namespaceId(nsId).dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(10L)))), "InvalidInput");
        Service s = sd.createService(r -> r.name("x").namespaceId(nsId)).service();
        assertThat(s.typeAsString()).isEqualTo("HTTP");
        assertError(() -> sd.getNamespace(r -> r.id("ns-0000000000000000")), "NamespaceNotFound");
        assertError(() -> sd.listTagsForResource(r -> r.resourceARN("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-0000000000000000")),
                "ResourceNotFoundException");
        assertThat(sd.listNamespaces(r -> r.filters(f -> f.name("TYPE").values("DNS_PRIVATE").condition("EQ"))).namespaces()).isEmpty();
    }
}
