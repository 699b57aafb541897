package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;

import java.util.List;
import java.util.function.Consumer;

import static dev.ecsnet.it.EcsRefusal.refused;
import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service Connect through the SDK: the configuration reads back in the deployments with its Cloud Map resources,
 * client-server endpoints become ECS-created Cloud Map services holding each RUNNING task, client-only services
 * register nothing, the cluster's default namespace, and AWS's errors.
 */
class EcsServiceConnectIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);
    static ServiceDiscoveryClient sd;

    private EcsTaskIT.Net net;
    private Namespace namespace;

    @BeforeAll
    static void client() {
        sd = ServiceDiscoveryIT.client(ecsnet);
    }

    @AfterAll
    static void close() {
        sd.close();
    }

    @BeforeEach
    void setUp() {
        net = EcsTaskIT.network(ecsnet);
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.name("http").containerPort(8080))));
        String op = sd.createHttpNamespace(r -> r.name("shop")).operationId();
        namespace = sd.getNamespace(r -> r.id(sd.getOperation(o -> o.operationId(op)).operation().targetsAsStrings().get("NAMESPACE")))
                .namespace();
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
    }

    private Service create(String name, int count, Consumer<ServiceConnectConfiguration.Builder> sc) {
        return ecsnet.ecs().createService(r -> r.cluster("web").serviceName(name).taskDefinition("api").desiredCount(count)
                .launchType(LaunchType.FARGATE).serviceConnectConfiguration(sc)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).service();
    }

    private Service describe(String name) {
        return ecsnet.ecs().describeServices(r -> r.cluster("web").services(name)).services().get(0);
    }

    private List<software.amazon.awssdk.services.servicediscovery.model.ServiceSummary> cloudMapServices() {
        return sd.listServices(r -> r.filters(f -> f.name("NAMESPACE_ID").values(namespace.id()).condition("EQ"))).services();
    }

    @Test
    void aClientServerServiceRegistersEachRunningTaskInItsCloudMapService() {
        Service s = create("orders", 2, sc -> sc.enabled(true).namespace(namespace.arn())
                .services(x -> x.portName("http").discoveryName("orders").clientAliases(a -> a.port(80).dnsName("orders.shop"))));
        Deployment d = s.deployments().get(0);
        assertThat(d.serviceConnectConfiguration().enabled()).isTrue();
        assertThat(d.serviceConnectConfiguration().namespace()).isEqualTo(namespace.arn());
        assertThat(d.serviceConnectConfiguration().services()).singleElement().satisfies(x -> {
            assertThat(x.portName()).isEqualTo("http");
            assertThat(x.discoveryName()).isEqualTo("orders");
            assertThat(x.clientAliases()).singleElement().satisfies(a -> {
                assertThat(a.port()).isEqualTo(80);
                assertThat(a.dnsName()).isEqualTo("orders.shop");
            });
        });
        var cloudMap = cloudMapServices();
        assertThat(cloudMap).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("orders");
            assertThat(c.typeAsString()).isEqualTo("HTTP");
        });
        assertThat(d.serviceConnectResources()).singleElement().satisfies(r -> {
            assertThat(r.discoveryName()).isEqualTo("orders");
            assertThat(r.discoveryArn()).isEqualTo(cloudMap.get(0).arn());
        });
        ecsnet.settle();
        List<String> tasks = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("orders")).taskArns();
        List<InstanceSummary> instances = sd.listInstances(r -> r.serviceId(cloudMap.get(0).id())).instances();
        assertThat(instances).extracting(InstanceSummary::id)
                .containsExactlyInAnyOrderElementsOf(tasks.stream().map(t -> t.substring(t.lastIndexOf('/') + 1)).toList());
        assertThat(instances).allSatisfy(i -> {
            assertThat(i.attributes()).containsEntry("AWS_INSTANCE_PORT", "8080").containsEntry("ECS_SERVICE_NAME", "orders")
                    .containsEntry("ECS_CLUSTER_NAME", "web").containsEntry("ECS_TASK_DEFINITION_FAMILY", "api").containsKey("AWS_INSTANCE_IPV4");
        });
        List<HttpInstanceSummary> discovered = sd.discoverInstances(r -> r.namespaceName("shop").serviceName("orders")).instances();
        assertThat(discovered).hasSize(2);
        // a stopped task leaves Cloud Map; its replacement joins
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(tasks.get(0)));
        ecsnet.settle();
        List<String> now = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("orders")).taskArns();
        assertThat(sd.listInstances(r -> r.serviceId(cloudMap.get(0).id())).instances()).extracting(InstanceSummary::id)
                .containsExactlyInAnyOrderElementsOf(now.stream().map(t -> t.substring(t.lastIndexOf('/') + 1)).toList())
                .doesNotContain(tasks.get(0).substring(tasks.get(0).lastIndexOf('/') + 1));
    }

    @Test
    void deletingTheServiceDeletesTheCloudMapServicesEcsCreated() {
        create("orders", 1, sc -> sc.enabled(true).namespace("shop").services(x -> x.portName("http")));
        // without a discovery name, the port name names the Cloud Map service
        assertThat(cloudMapServices()).extracting(s -> s.name()).containsExactly("http");
        ecsnet.settle();
        ecsnet.ecs().deleteService(r -> r.cluster("web").service("orders").force(true));
        ecsnet.settle();
        assertThat(describe("orders").status()).isEqualTo("INACTIVE");
        assertThat(cloudMapServices()).isEmpty();
        sd.deleteNamespace(r -> r.id(namespace.id()));
    }

    @Test
    void aClientOnlyServiceTakesTheClusterDefaultAndRegistersNothing() {
        Cluster c = ecsnet.ecs().updateCluster(r -> r.cluster("web").serviceConnectDefaults(d -> d.namespace("shop"))).cluster();
        assertThat(c.serviceConnectDefaults().namespace()).isEqualTo(namespace.arn());
        Service s = create("frontend", 1, sc -> sc.enabled(true));
        assertThat(s.deployments().get(0).serviceConnectConfiguration().namespace()).isEqualTo(namespace.arn());
        assertThat(s.deployments().get(0).serviceConnectResources()).isEmpty();
        ecsnet.settle();
        assertThat(cloudMapServices()).isEmpty();
    }

    @Test
    void addingServiceConnectStartsANewDeployment() {
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("orders").taskDefinition("api").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        ecsnet.settle();
        Service s = ecsnet.ecs().updateService(r -> r.cluster("web").service("orders").serviceConnectConfiguration(sc -> sc.enabled(true)
                .namespace(namespace.arn()).services(x -> x.portName("http").discoveryName("orders")))).service();
        assertThat(s.deployments()).hasSize(2);
        assertThat(s.deployments().get(0).serviceConnectConfiguration().enabled()).isTrue();
        assertThat(s.deployments().get(1).serviceConnectConfiguration()).isNull();
        ecsnet.settle();
        assertThat(sd.listInstances(r -> r.serviceId(cloudMapServices().get(0).id())).instances()).hasSize(1);
    }

    @Test
    void refusalsCreateNothing() {
        refused(() -> create("orders", 1, sc -> sc.enabled(true).namespace("nope").services(x -> x.portName("http"))),
                "NamespaceNotFoundException", "The specified namespace wasn't found.");
        refused(() -> create("orders", 1, sc -> sc.enabled(true).namespace(namespace.arn()).services(x -> x.portName("grpc"))),
                "InvalidParameterException", "The portName grpc does not match the name of any portMappings in the task definition.");
        refused(() -> create("orders", 1, sc -> sc.enabled(true).services(x -> x.portName("http"))), "InvalidParameterException", null);
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("web")).serviceArns()).isEmpty();
        assertThat(cloudMapServices()).isEmpty();
        // a discovery name is one ECS service's in its namespace
        create("orders", 0, sc -> sc.enabled(true).namespace(namespace.arn()).services(x -> x.portName("http").discoveryName("orders")));
        refusedWithoutChange(this::cloudMapServices, () -> create("orders-v2", 0, sc -> sc.enabled(true).namespace(namespace.arn())
                .services(x -> x.portName("http").discoveryName("orders"))), "InvalidParameterException", "SC service is already used by "
                + namespace.arn());
        refused(() -> ecsnet.ecs().updateCluster(r -> r.cluster("web").serviceConnectDefaults(d -> d.namespace(
                "arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-0000000000000000"))), "NamespaceNotFoundException", null);
    }

    @Test
    void clusterDefaultsWithANewNameCreateAnHttpNamespaceAndAnEmptyNameRemovesThem() {
        Cluster c = ecsnet.ecs().createCluster(r -> r.clusterName("shop").serviceConnectDefaults(d -> d.namespace("store"))).cluster();
        var created = sd.listNamespaces().namespaces().stream().filter(n -> n.name().equals("store")).findFirst().orElseThrow();
        assertThat(created.typeAsString()).isEqualTo("HTTP");
        assertThat(c.serviceConnectDefaults().namespace()).isEqualTo(created.arn());
        assertThat(c.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("sc");
            assertThat(a.status()).isEqualTo("ATTACHED");
        });
        Cluster removed = ecsnet.ecs().updateCluster(r -> r.cluster("shop").serviceConnectDefaults(d -> d.namespace(""))).cluster();
        assertThat(removed.serviceConnectDefaults()).isNull();
        assertThat(removed.attachments()).extracting(a -> a.status()).containsExactly("DELETED");
        // the namespace stays in Cloud Map
        assertThat(sd.listNamespaces().namespaces()).extracting(n -> n.name()).contains("store");
        Cluster plain = ecsnet.ecs().describeClusters(r -> r.clusters("shop")).clusters().get(0);
        assertThat(plain.hasAttachments()).isFalse();
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("shop").include(ClusterField.ATTACHMENTS)).clusters().get(0)
                .attachments()).hasSize(1);
    }
}
