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
import software.amazon.awssdk.services.servicediscovery.model.NamespaceSummary;
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
        AwsRefusal.refusedWithoutChange(() -> sd.getService(r -> r.id(svc.id())).service(),
                () -> sd.updateService(r -> r.id(svc.id()).service(s -> s.dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(30L))))), "InvalidInput",
                "The record types in the request must be the same as those present in the existing service. Records in the existing service"
                        + " are [A, SRV], but the records in the request are [A]. The record types of a service cannot be changed.");
        sd.updateService(r -> r.id(svc.id()).service(s -> s.description("web").dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(30L),
                x -> x.type("SRV").ttl(30L)))));
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

    private static String namespaceId(String operationId) {
        return sd.getOperation(r -> r.operationId(operationId)).operation().targetsAsStrings().get("NAMESPACE");
    }

    @Test
    void namespaceNamesFollowTheApiPatternsAndPropertiesReadAsOnAws() {
        String http = namespaceId(sd.createHttpNamespace(r -> r.name("n/a")).operationId());
        Namespace got = sd.getNamespace(r -> r.id(http)).namespace();
        assertThat(got.name()).isEqualTo("n/a");
        assertThat(got.properties().httpProperties().httpName()).isEqualTo("n/a");
        assertThat(got.properties().dnsProperties().hostedZoneId()).isNull();
        assertThat(got.properties().dnsProperties().soa()).as("GetNamespace: DnsProperties {}").isNull();
        NamespaceSummary listed = sd.listNamespaces().namespaces().stream().filter(n -> n.id().equals(http)).findFirst().orElseThrow();
        assertThat(listed.properties().dnsProperties().soa()).as("ListNamespaces: SOA {}").isNotNull();
        assertThat(listed.properties().dnsProperties().soa().ttl()).isNull();
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        AwsRefusal.refusedWithoutChange(() -> sd.listNamespaces().namespaces(), () -> sd.createHttpNamespace(r -> r.name("arn:aws:x")), "InvalidInput",
                "1 validation error detected: Value 'arn:aws:x' at 'name' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: ^(?!arn:)[!-~]{1,1024}$");
        AwsRefusal.refusedWithoutChange(() -> sd.listNamespaces().namespaces(), () -> sd.createHttpNamespace(r -> r.name("two words")), "InvalidInput", null);
        AwsRefusal.refusedWithoutChange(() -> sd.listNamespaces().namespaces(), () -> sd.createPrivateDnsNamespace(r -> r.name("bad!.local").vpc(vpc)),
                "InvalidInput", "Namespace name 'bad!.local' is not a valid DNS name");
        AwsRefusal.refusedWithoutChange(() -> sd.listNamespaces().namespaces(), () -> sd.createPublicDnsNamespace(r -> r.name("under_score.example.com")),
                "InvalidInput", null);
        String dns = namespaceId(sd.createPrivateDnsNamespace(r -> r.name("corp.local").vpc(vpc)
                .properties(p -> p.dnsProperties(d -> d.soa(soa -> soa.ttl(60L))))).operationId());
        assertThat(sd.getNamespace(r -> r.id(dns)).namespace().properties().dnsProperties().soa().ttl()).isEqualTo(60L);
        assertThat(sd.listNamespaces(r -> r.filters(f -> f.name("RESOURCE_OWNER").values("SELF"))).namespaces()).hasSize(2);
        assertThat(sd.listNamespaces(r -> r.filters(f -> f.name("RESOURCE_OWNER").values("OTHER_ACCOUNTS"))).namespaces()).isEmpty();
        assertThat(sd.listNamespaces(r -> r.filters(f -> f.name("NAME").values("co").condition("BEGINS_WITH"))).namespaces())
                .extracting(NamespaceSummary::id).containsExactly(dns);
        assertError(() -> sd.listNamespaces(r -> r.filters(f -> f.name("RESOURCE_OWNER").values("SELF").condition("BEGINS_WITH"))), "InvalidInput");
        assertError(() -> sd.updatePrivateDnsNamespace(r -> r.id(http).namespace(n -> n.description("x"))), "InvalidInput");
        sd.updateHttpNamespace(r -> r.id(http).namespace(n -> n.description("api")));
        assertThat(sd.getNamespace(r -> r.id(http)).namespace().description()).isEqualTo("api");
    }

    @Test
    void serviceAttributesRevisionsAndOptionalParameters() {
        String ns = namespaceId(sd.createHttpNamespace(r -> r.name("api")).operationId());
        Service svc = sd.createService(r -> r.name("orders").namespaceId(ns)).service();
        sd.updateServiceAttributes(r -> r.serviceId(svc.id()).attributes(Map.of("Port", "80", "Stage", "beta")));
        assertThat(sd.getServiceAttributes(r -> r.serviceId(svc.arn())).serviceAttributes().attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("Port", "80", "Stage", "beta"));
        sd.deleteServiceAttributes(r -> r.serviceId(svc.id()).attributes("Stage"));
        assertThat(sd.getServiceAttributes(r -> r.serviceId(svc.id())).serviceAttributes().attributes()).containsOnlyKeys("Port");
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put("k" + i, "v");
        }
        AwsRefusal.refusedWithoutChange(() -> sd.getServiceAttributes(r -> r.serviceId(svc.id())).serviceAttributes().attributes(),
                () -> sd.updateServiceAttributes(r -> r.serviceId(svc.id()).attributes(many)), "ServiceAttributesLimitExceededException",
                "The attribute can't be added to the service because you've exceeded the quota for the number of attributes you can add to a service.");

        long before = sd.discoverInstancesRevision(r -> r.namespaceName("api").serviceName("orders")).instancesRevision();
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("blue").attributes(Map.of("color", "blue")));
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("green").attributes(Map.of("color", "green")));
        long after = sd.discoverInstancesRevision(r -> r.namespaceName("api").serviceName("orders")).instancesRevision();
        assertThat(after).isGreaterThan(before);
        assertThat(sd.discoverInstances(r -> r.namespaceName("api").serviceName("orders").healthStatus("ALL")).instancesRevision()).isEqualTo(after);
        assertThat(sd.discoverInstances(r -> r.namespaceName("api").serviceName("orders").healthStatus("ALL")
                .optionalParameters(Map.of("color", "green"))).instances()).extracting(HttpInstanceSummary::instanceId).containsExactly("green");
        assertThat(sd.discoverInstances(r -> r.namespaceName("api").serviceName("orders").healthStatus("ALL")
                .optionalParameters(Map.of("color", "red"))).instances()).as("unmatched optional parameters are ignored").hasSize(2);
        AwsRefusal.refusedWithoutChange(() -> sd.getService(r -> r.id(svc.id())).service(),
                () -> sd.createService(r -> r.name("dns").namespaceId(ns).dnsConfig(d -> d.dnsRecords(x -> x.type("A").ttl(10L)))),
                "InvalidInput", "When you specify an HTTP service, you can't include a DnsConfig element.");
    }
}
