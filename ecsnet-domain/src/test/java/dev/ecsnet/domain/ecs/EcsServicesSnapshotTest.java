package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.autoscaling.GroupRequest;
import dev.ecsnet.domain.autoscaling.LaunchTemplateSpec;
import dev.ecsnet.domain.discovery.DiscoveryService;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.LaunchTemplateData;
import dev.ecsnet.domain.elb.Elb;
import dev.ecsnet.domain.elb.ListenerAction;
import dev.ecsnet.domain.elb.Listeners;
import dev.ecsnet.domain.elb.TargetGroup;
import dev.ecsnet.domain.elb.TargetGroups;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service side of ECS restored from its records: a twin taken mid-lifecycle (deployments rolling out, a
 * service draining, launches throttled, task sets stabilizing, managed scaling scaling out, timers and the
 * controller's drain pending) exports what the original does, answers the same, and goes on exactly as the
 * original: same events, task ids, deployment ids, addresses and timer behaviour.
 */
class EcsServicesSnapshotTest {
    private static final ServiceConfig.DeploymentConfiguration ROLLING_WITH_ROLLBACK =
            new ServiceConfig.DeploymentConfiguration(200, 100, true, true);
    private static final ServiceConfig.DeploymentConfiguration DAEMON_DEPLOYMENT =
            new ServiceConfig.DeploymentConfiguration(100, 0, false, false);

    // ---- Fargate: deployments, load balancer, Service Connect, throttling, draining, task sets -----------------

    @Test
    void fargateServicesRestoredMidDeploymentGoOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(42);
        Fargate f = new Fargate(a.region);
        Services services = a.region.ecs().services();
        TaskSets taskSets = a.region.ecs().taskSets();

        services.createService(new Services.CreateRequest(Optional.of("web"), "api",
                config(f.web1, 2, Optional.of("FARGATE"), List.of(), f.network(f.subnetA, f.subnetB),
                        List.of(new ServiceConfig.LoadBalancerRef(Optional.of(f.targetGroup), Optional.empty(), "app", 8080)),
                        Optional.of(f.serviceConnect()), "ECS"),
                Service.REPLICA, true, Map.of("team", "web", "env", "dev"), Optional.of("token-api")));
        services.createService(new Services.CreateRequest(Optional.of("web"), "spot",
                config(f.web1, 3, Optional.empty(), List.of(new CapacityProviderStrategyItem("FARGATE", 1, 1),
                        new CapacityProviderStrategyItem("FARGATE_SPOT", 2, 0)), f.network(f.subnetA, f.subnetB), List.of(),
                        Optional.empty(), "ECS"),
                Service.REPLICA, true, Map.of(), Optional.empty()));
        services.createService(new Services.CreateRequest(Optional.of("web"), "retired",
                config(f.web1, 1, Optional.of("FARGATE"), List.of(), f.network(f.subnetA), List.of(), Optional.empty(), "ECS"),
                Service.REPLICA, true, Map.of(), Optional.empty()));
        services.createService(new Services.CreateRequest(Optional.of("web"), "ext",
                config("", 4, Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), "EXTERNAL"),
                Service.REPLICA, true, Map.of(), Optional.empty()));
        TaskSet blue = taskSets.createTaskSet("web", "ext", new TaskSets.CreateRequest(f.taskSetSpec(f.web1, "blue"), 100,
                Map.of("color", "blue"), Optional.of("token-blue")));
        taskSets.updateServicePrimaryTaskSet("web", "ext", blue.id());
        a.settle();

        services.deleteService(Optional.of("web"), "retired", true);
        TaskSet green = taskSets.createTaskSet("web", "ext", new TaskSets.CreateRequest(f.taskSetSpec(f.web2, "green"), 50,
                Map.of(), Optional.empty()));
        // a /28 holds 11 addresses: 3 of these 14 tasks fail to start, and launches are throttled
        services.createService(new Services.CreateRequest(Optional.of("web"), "crowded",
                config(f.web1, 14, Optional.of("FARGATE"), List.of(), f.network(f.smallSubnet), List.of(), Optional.empty(), "ECS"),
                Service.REPLICA, true, Map.of(), Optional.empty()));
        a.settle();

        taskSets.deleteTaskSet("web", "ext", green.id(), true);
        TaskSet canary = taskSets.createTaskSet("web", "ext", new TaskSets.CreateRequest(f.taskSetSpec(f.web2, "canary"), 25,
                Map.of(), Optional.empty()));
        a.advance(Duration.ofSeconds(1));
        services.updateService(Optional.of("web"), "api", c -> c.withTaskDefinition(f.web2), false);
        a.advance(Duration.ofMillis(700));
        taskSets.updateTaskSet("web", "ext", canary.id(), 50);
        services.deleteService(Optional.of("web"), "spot", true);

        Service api = services.find(a.region.ecs().cluster(Optional.of("web")), "api").orElseThrow();
        assertThat(api.deployments()).as("mid-deployment").hasSize(2);
        assertThat(api.primary().rolloutState()).isEqualTo("IN_PROGRESS");
        assertThat(a.pending()).as("timers pending").isNotEmpty();

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertSameAnswers(a, b);
        for (Duration step : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5))) {
            a.advance(step);
            b.advance(step);
            assertSameAnswers(a, b);
            assertThat(b.exports()).isEqualTo(a.exports());
        }
        for (RegionTwin t : List.of(a, b)) {
            Services s = t.region.ecs().services();
            s.createService(new Services.CreateRequest(Optional.of("web"), "later",
                    config(f.web2, 2, Optional.of("FARGATE"), List.of(), f.network(f.subnetB), List.of(), Optional.empty(), "ECS"),
                    Service.REPLICA, true, Map.of(), Optional.of("token-later")));
            s.updateService(Optional.of("web"), "api", c -> c.withDesiredCount(3), true, false);
            t.region.ecs().taskSets().updateTaskSet("web", "ext", canary.id(), 100);
            t.settle();
        }
        assertSameAnswers(a, b);
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    // ---- EC2: Auto Scaling group providers scaling out, a DAEMON service --------------------------------------

    @Test
    void ec2ServicesAndGroupProvidersRestoredMidScaleOutGoOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(7);
        RegionState r = a.region;
        String vpc = r.network().createVpc("10.1.0.0/16", null, Map.of()).id();
        String subnetA = r.network().createSubnet(vpc, "10.1.1.0/24", "us-east-1a", null, Map.of()).id();
        String subnetB = r.network().createSubnet(vpc, "10.1.2.0/24", "us-east-1b", null, Map.of()).id();
        String image = Images.all().stream().filter(Images::runsEcsAgent).filter(i -> i.architecture().equals("x86_64"))
                .findFirst().orElseThrow().imageId();
        String template = r.launchTemplates().create("nodes", null, new LaunchTemplateData(Map.of("ImageId", image,
                "InstanceType", "t3.medium", "UserData", Base64.getEncoder().encodeToString("ECS_CLUSTER=ec2".getBytes(StandardCharsets.UTF_8)))),
                Map.of(), null).id();
        for (String group : List.of("nodes", "old-nodes", "held-nodes")) {
            r.autoScaling().createGroup(new GroupRequest(group, 0, 4, 0, new LaunchTemplateSpec(template, null, "$Latest"),
                    subnetA + "," + subnetB, null, null, null, null, null, null, true, null, null, null, null, null, Map.of()));
        }
        CapacityProviders providers = r.ecs().capacityProviders();
        providers.createCapacityProvider("nodes", "nodes", new AsgCapacityProviders.Scaling(Optional.of("ENABLED"), Optional.of(100),
                Optional.empty(), Optional.of(2), Optional.of(60)), Optional.of("ENABLED"), Optional.empty(), Map.of("team", "ops"));
        providers.createCapacityProvider("old", "old-nodes", new AsgCapacityProviders.Scaling(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), Optional.of("DISABLED"), Map.of());
        providers.createCapacityProvider("held", "held-nodes", new AsgCapacityProviders.Scaling(Optional.of("ENABLED"), Optional.of(80),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty(), Map.of());
        providers.deleteCapacityProvider("old");
        r.ecs().createCluster(new Ecs.ClusterRequest(Optional.of("ec2"), Map.of(), Map.of(), List.of("nodes", "held"),
                List.of(new CapacityProviderStrategyItem("nodes", 1, 0)), Optional.empty(), Optional.empty()));
        providers.deleteCapacityProvider("held");
        providers.updateCapacityProvider("held", new AsgCapacityProviders.Update(Optional.empty(), Optional.empty(), Optional.of("DISABLED")));
        String worker = r.ecs().taskDefinitions().register(bridgeDefinition("worker"), Map.of()).arn();

        Services services = r.ecs().services();
        services.createService(new Services.CreateRequest(Optional.of("ec2"), "workers",
                config(worker, 3, Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), "ECS"),
                Service.REPLICA, true, Map.of(), Optional.empty()));
        services.createService(new Services.CreateRequest(Optional.of("ec2"), "agent",
                new ServiceConfig(worker, 0, Optional.of("EC2"), List.of(), Optional.empty(), Optional.empty(), DAEMON_DEPLOYMENT,
                        List.of(), List.of(), Optional.empty(), List.of(), List.of(), false, "NONE", false, "DISABLED", List.of(),
                        "ECS", Optional.empty(), Optional.empty()),
                Service.DAEMON, false, Map.of(), Optional.empty()));
        a.advance(Duration.ofSeconds(2));
        assertThat(r.autoScaling().get("nodes").desiredCapacity()).as("managed scaling has scaled out").isPositive();

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertSameAnswers(a, b);
        for (Duration step : List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMinutes(5))) {
            a.advance(step);
            b.advance(step);
            assertSameAnswers(a, b);
            assertThat(b.exports()).isEqualTo(a.exports());
        }
        for (RegionTwin t : List.of(a, b)) {
            t.region.ecs().services().updateService(Optional.of("ec2"), "workers", c -> c.withDesiredCount(1), true, false);
            t.region.ecs().capacityProviders().updateCapacityProvider("nodes", new AsgCapacityProviders.Update(Optional.of(
                    new AsgCapacityProviders.Scaling(Optional.empty(), Optional.of(90), Optional.empty(), Optional.empty(), Optional.empty())),
                    Optional.empty(), Optional.empty()));
            t.settle();
            t.settle();
        }
        assertSameAnswers(a, b);
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    // ---- the world ---------------------------------------------------------------------------------------------

    /** A VPC with two subnets and a /28, cluster {@code web} with both Fargate providers, two revisions, an ALB and a namespace. */
    private static final class Fargate {
        final String subnetA;
        final String subnetB;
        final String smallSubnet;
        final String web1;
        final String web2;
        final String targetGroup;

        Fargate(RegionState r) {
            String vpc = r.network().createVpc("10.0.0.0/16", null, Map.of()).id();
            subnetA = r.network().createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
            subnetB = r.network().createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
            smallSubnet = r.network().createSubnet(vpc, "10.0.3.0/28", "us-east-1a", null, Map.of()).id();
            r.ecs().createCluster(new Ecs.ClusterRequest(Optional.of("web"), Map.of("env", "dev"), Map.of(), List.of("FARGATE", "FARGATE_SPOT"),
                    List.of(new CapacityProviderStrategyItem("FARGATE", 1, 0)), Optional.empty(), Optional.empty()));
            web1 = r.ecs().taskDefinitions().register(namedPortDefinition("web"), Map.of()).arn();
            web2 = r.ecs().taskDefinitions().register(namedPortDefinition("web"), Map.of()).arn();
            r.cloudMap().createNamespace("HTTP", "internal", null, null, null, null, Map.of());
            targetGroup = r.elb().targetGroups().create(new TargetGroups.Request("api", "HTTP", null, 8080, vpc, "ip", null, null, null,
                    null, "/", null, null, null, null, null, null, Map.of())).arn();
            String lb = r.elb().createLoadBalancer(new Elb.Request("api", "application", "internal",
                    List.of(new Elb.SubnetMapping(subnetA, null), new Elb.SubnetMapping(subnetB, null)), List.of(), null, Map.of())).arn();
            r.elb().listeners().create(lb, new Listeners.Request("HTTP", 80, null, List.of(), null,
                    List.of(ListenerAction.forward(targetGroup)), Map.of()));
        }

        Optional<TaskLaunch.AwsvpcConfiguration> network(String... subnets) {
            return Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnets), List.of(), Optional.of("DISABLED")));
        }

        ServiceConnectConfiguration serviceConnect() {
            Map<String, Object> alias = new LinkedHashMap<>(Map.of("port", 80));
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("portName", "http");
            endpoint.put("discoveryName", "api");
            endpoint.put("clientAliases", new ArrayList<>(List.of(alias)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("enabled", true);
            doc.put("namespace", "internal");
            doc.put("services", new ArrayList<>(List.of(endpoint)));
            return ServiceConnectConfiguration.of(doc);
        }

        TaskSet.Spec taskSetSpec(String taskDefinition, String externalId) {
            return new TaskSet.Spec(taskDefinition, Optional.of("FARGATE"), List.of(), Optional.empty(), network(subnetA, subnetB),
                    List.of(), List.of(), Optional.of(externalId));
        }
    }

    private static ServiceConfig config(String taskDefinition, int count, Optional<String> launchType,
                                        List<CapacityProviderStrategyItem> strategy, Optional<TaskLaunch.AwsvpcConfiguration> network,
                                        List<ServiceConfig.LoadBalancerRef> loadBalancers, Optional<ServiceConnectConfiguration> sc,
                                        String controller) {
        return new ServiceConfig(taskDefinition, count, launchType, strategy, Optional.empty(), network, ROLLING_WITH_ROLLBACK,
                loadBalancers, List.of(), loadBalancers.isEmpty() ? Optional.empty() : Optional.of(30), List.of(), List.of(), true,
                "SERVICE", false, "DISABLED", List.of(), controller, Optional.empty(), sc);
    }

    /** The Fargate definition of {@link TestEcs}, its port named {@code http} (Service Connect finds it by name). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> namedPortDefinition(String family) {
        Map<String, Object> doc = TestEcs.fargateDefinition(family);
        Map<String, Object> container = ((List<Map<String, Object>>) doc.get("containerDefinitions")).get(0);
        ((List<Map<String, Object>>) container.get("portMappings")).get(0).put("name", "http");
        return doc;
    }

    private static Map<String, Object> bridgeDefinition(String family) {
        Map<String, Object> mapping = new LinkedHashMap<>(Map.of("containerPort", 80, "hostPort", 0));
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", "nginx", "cpu", 512, "memory", 1024));
        container.put("portMappings", new ArrayList<>(List.of(mapping)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("family", family);
        doc.put("networkMode", "bridge");
        doc.put("requiresCompatibilities", List.of("EC2"));
        doc.put("containerDefinitions", new ArrayList<>(List.of(container)));
        return doc;
    }

    /** The first line where the twin's answers differ from the original's, with the one before it, so a failure reads. */
    private static void assertSameAnswers(RegionTwin original, RegionTwin twin) {
        List<String> expected = describe(original);
        List<String> actual = describe(twin);
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String before = i == 0 ? "" : expected.get(i - 1) + "\n";
            assertThat(before + actual.get(i)).as("answer line " + i + " at " + original.now()).isEqualTo(before + expected.get(i));
        }
        assertThat(actual).as("answers at " + original.now()).hasSameSizeAs(expected);
    }

    /** What DescribeServices, DescribeTaskSets, DescribeTasks, DescribeCapacityProviders and the targets and instances show. */
    private static List<String> describe(RegionTwin t) {
        Ecs ecs = t.region.ecs();
        Services services = ecs.services();
        List<String> out = new ArrayList<>();
        for (Cluster c : ecs.clusters()) {
            for (Service s : services.of(c)) {
                out.add(s.arn() + " " + s.status() + " desired=" + services.desiredCount(s) + " live=" + Arrays.toString(services.liveCounts(s))
                        + " steady=" + s.isSteady() + " " + s.config() + " tags=" + s.tags());
                for (Deployment d : s.deployments()) {
                    out.add("  deployment " + d.id() + " " + d.status() + " " + d.rolloutState() + " " + d.rolloutStateReason().orElse("")
                            + " " + d.createdAt() + " " + d.updatedAt() + " " + Arrays.toString(services.counts(s, d)) + " "
                            + d.serviceConnectResources());
                }
                for (TaskSet ts : s.taskSets()) {
                    out.add("  taskSet " + ts.arn() + " " + ts.status() + " " + ts.stabilityStatus() + " " + ts.stabilityStatusAt() + " "
                            + ts.scale() + " " + ts.updatedAt() + " " + Arrays.toString(services.liveCounts(s, ts.id())) + " " + ts.tags());
                }
                s.events().forEach(e -> out.add("  event " + e));
            }
            for (Task task : ecs.tasksOf(c)) {
                out.add("task " + task.arn() + " " + task.lastStatus() + " " + task.privateIpv4Address().orElse("-") + " "
                        + task.spec().startedBy().orElse("-") + " " + task.spec().capacityProviderName() + " "
                        + task.stoppedReason().orElse("-"));
            }
        }
        for (CapacityProviders.CapacityProvider p : ecs.capacityProviders().all()) {
            out.add("provider " + p.arn() + " " + p.status() + " " + p.asg().map(x -> x.settings() + " " + x.updateStatus().orElse("-")
                    + " " + x.updateStatusReason().orElse("-") + " " + x.tags()).orElse(""));
        }
        for (TargetGroup g : t.region.elb().targetGroups().all()) {
            out.add("targets " + g.arn() + " " + t.region.elb().targetGroups().health(g.arn()));
        }
        t.region.autoScaling().groups().forEach(g -> out.add("group " + g.name() + " desired=" + g.desiredCapacity() + " "
                + g.instances().stream().map(i -> i.instanceId() + " " + i.lifecycle() + " " + i.protectedFromScaleIn()).toList()));
        for (DiscoveryService s : t.region.cloudMap().services()) {
            // Cloud Map keeps an instance's attributes in no particular order, so they are compared sorted
            out.add("cloud map " + s.arn() + " " + s.name() + " " + s.instances().stream()
                    .map(i -> i.id() + " " + new java.util.TreeMap<>(i.attributes())).toList());
        }
        return out;
    }
}
