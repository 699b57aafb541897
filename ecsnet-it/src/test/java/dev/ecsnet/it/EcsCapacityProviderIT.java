package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.EcsRefusal.refused;
import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fargate capacity providers through the SDK: the FARGATE and FARGATE_SPOT providers, a cluster's providers and
 * default strategy, how a strategy splits RunTask's and a service's tasks, and AWS's errors.
 */
class EcsCapacityProviderIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private EcsTaskIT.Net net;

    @BeforeEach
    void setUp() {
        net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
    }

    private static CapacityProviderStrategyItem item(String provider, int weight, int base) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    private Cluster cluster(String name) {
        return ecsnet.ecs().describeClusters(r -> r.clusters(name).include(ClusterField.ATTACHMENTS)).clusters().get(0);
    }

    private void fargateCluster(String name, CapacityProviderStrategyItem... defaults) {
        ecsnet.ecs().createCluster(r -> r.clusterName(name).capacityProviders("FARGATE", "FARGATE_SPOT").defaultCapacityProviderStrategy(defaults));
    }

    private Map<String, Long> providersOf(List<Task> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
    }

    @Test
    void describeCapacityProvidersShowsTheTwoFargateProvidersWithTagsOnlyWhenAskedAndPages() {
        DescribeCapacityProvidersResponse all = ecsnet.ecs().describeCapacityProviders(r -> { });
        assertThat(all.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(all.capacityProviders()).allSatisfy(p -> {
            assertThat(p.capacityProviderArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:capacity-provider/" + p.name());
            assertThat(p.statusAsString()).isEqualTo("ACTIVE");
            assertThat(p.autoScalingGroupProvider()).isNull();
            assertThat(p.hasTags()).isFalse();
        });
        assertThat(ecsnet.ecs().describeCapacityProviders(r -> r.include(CapacityProviderField.TAGS)).capacityProviders().get(0).hasTags()).isTrue();
        var first = ecsnet.ecs().describeCapacityProviders(r -> r.maxResults(1));
        assertThat(first.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE");
        assertThat(ecsnet.ecs().describeCapacityProviders(r -> r.maxResults(1).nextToken(first.nextToken())).capacityProviders())
                .extracting(CapacityProvider::name).containsExactly("FARGATE_SPOT");
        var named = ecsnet.ecs().describeCapacityProviders(r -> r.capacityProviders(
                "arn:aws:ecs:us-east-1:000000000000:capacity-provider/FARGATE_SPOT", "MY_ASG"));
        assertThat(named.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE_SPOT");
        assertThat(named.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:capacity-provider/MY_ASG");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        refused(() -> ecsnet.ecs().describeCapacityProviders(r -> r.maxResults(11)), "InvalidParameterException", null);
    }

    @Test
    void theFargateProvidersCannotBeDeletedAndAGroupProviderNeedsAGroup() {
        refused(() -> ecsnet.ecs().createCapacityProvider(r -> r.name("asg")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:x"))),
                "InvalidParameterException", "The specified Auto Scaling group ARN is not valid. Specify a valid Auto Scaling group ARN "
                        + "and try again.");
        refused(() -> ecsnet.ecs().deleteCapacityProvider(r -> r.capacityProvider("FARGATE")), "InvalidParameterException", null);
    }

    @Test
    void putClusterCapacityProvidersSetsProvidersAndStrategyAndTheAttachmentsUpdate() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        assertThat(cluster("web").attachmentsStatus()).isNull();
        Cluster c = ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 4, 0))).cluster();
        assertThat(c.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(c.defaultCapacityProviderStrategy()).containsExactly(item("FARGATE", 1, 1), item("FARGATE_SPOT", 4, 0));
        assertThat(c.attachmentsStatus()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(c.attachments()).isEmpty();
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(cluster("web").attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
        // an empty list removes them all
        Cluster cleared = ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of())).cluster();
        assertThat(cleared.capacityProviders()).isEmpty();
        assertThat(cleared.defaultCapacityProviderStrategy()).isEmpty();
    }

    @Test
    void putClusterCapacityProvidersRefusalsChangeNothing() {
        fargateCluster("web", item("FARGATE", 1, 0));
        java.util.function.Supplier<Cluster> state = () -> cluster("web");
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE", "MY_ASG")
                .defaultCapacityProviderStrategy(List.of())), "InvalidParameterException",
                "The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0))), "InvalidParameterException",
                "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. "
                        + "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 2))), "InvalidParameterException",
                "Only one capacity provider in a capacity provider strategy can have a base defined.");
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1001, 0))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 100_001))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("nope").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(List.of())), "ClusterNotFoundException", "Cluster not found.");
    }

    @Test
    void aProviderInUseCannotBeRemovedUntilItsTasksStop() {
        fargateCluster("web");
        String task = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").capacityProviderStrategy(item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        refusedWithoutChange(() -> cluster("web").capacityProviders(), () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web")
                .capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of())), "ResourceInUseException",
                "The specified capacity provider is in use and cannot be removed.");
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(task));
        ecsnet.settle();
        assertThat(ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(List.of())).cluster().capacityProviders()).containsExactly("FARGATE");
    }

    @Test
    void runTaskSplitsTasksByBaseThenWeight() {
        fargateCluster("web");
        List<Task> tasks = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").count(10)
                .capacityProviderStrategy(item("FARGATE", 1, 2), item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks();
        // the base of 2 first, then the 8 others shared evenly
        assertThat(providersOf(tasks)).containsEntry("FARGATE", 6L).containsEntry("FARGATE_SPOT", 4L);
        assertThat(tasks).allSatisfy(t -> assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE));
        // without a launch type or strategy, the cluster's default strategy
        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("web").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0)));
        assertThat(ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).capacityProviderName())
                .isEqualTo("FARGATE_SPOT");
    }

    @Test
    void runTaskStrategyRefusals() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web").capacityProviders("FARGATE"));
        refused(() -> ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").capacityProviderStrategy(item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "InvalidParameterException",
                "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. "
                        + "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
        refused(() -> ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").capacityProviderStrategy(item("FARGATE", 0, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "InvalidParameterException",
                "There are no capacity providers with a weight value greater than zero defined in the capacity provider strategy. At least one "
                        + "capacity provider must have a weight value greater than zero specified. Update the cluster's default capacity "
                        + "provider strategy or specify a valid capacity provider strategy and try again.");
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web")).taskArns()).isEmpty();
    }

    @Test
    void aServiceSharesItsTasksByItsStrategyAndOneWithoutReadsBackTheClusterDefault() {
        fargateCluster("web", item("FARGATE", 1, 0), item("FARGATE_SPOT", 3, 0));
        Service explicit = ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app").desiredCount(4)
                .capacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).service();
        assertThat(explicit.launchType()).isNull();
        assertThat(explicit.capacityProviderStrategy()).containsExactly(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 0));
        assertThat(explicit.deployments().get(0).capacityProviderStrategy()).isEqualTo(explicit.capacityProviderStrategy());
        Service byDefault = ecsnet.ecs().createService(r -> r.cluster("web").serviceName("worker").taskDefinition("web-app").desiredCount(4)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).service();
        assertThat(byDefault.capacityProviderStrategy()).containsExactly(item("FARGATE", 1, 0), item("FARGATE_SPOT", 3, 0));
        assertThat(byDefault.launchType()).isNull();
        ecsnet.settle();
        // FARGATE's base of 1, then the 3 others shared evenly: a tie goes to the provider listed first
        assertThat(providersOf(serviceTasks("api"))).containsEntry("FARGATE", 3L).containsEntry("FARGATE_SPOT", 1L);
        assertThat(providersOf(serviceTasks("worker"))).containsEntry("FARGATE", 1L).containsEntry("FARGATE_SPOT", 3L);
        // a launch type and a strategy exclude each other
        refused(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("both").taskDefinition("web-app")
                .launchType(LaunchType.FARGATE).capacityProviderStrategy(item("FARGATE", 1, 0))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "InvalidParameterException",
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }

    @Test
    void updatingTheStrategyTakesEffectWithTheNextDeployment() {
        fargateCluster("web");
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        ecsnet.settle();
        Service updated = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").capacityProviderStrategy(item("FARGATE_SPOT", 1, 0)))
                .service();
        assertThat(updated.launchType()).isNull();
        assertThat(updated.capacityProviderStrategy()).containsExactly(item("FARGATE_SPOT", 1, 0));
        assertThat(updated.deployments()).singleElement().satisfies(d -> assertThat(d.launchTypeAsString()).isEqualTo("FARGATE"));
        Service forced = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").forceNewDeployment(true)).service();
        assertThat(forced.deployments()).hasSize(2);
        assertThat(forced.deployments().get(0).capacityProviderStrategy()).containsExactly(item("FARGATE_SPOT", 1, 0));
        ecsnet.settle();
        assertThat(providersOf(serviceTasks("api"))).containsOnlyKeys("FARGATE_SPOT");
        // an empty strategy returns the service to its launch type
        Service back = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").capacityProviderStrategy(List.of())).service();
        assertThat(back.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(back.capacityProviderStrategy()).isEmpty();
    }

    private List<Task> serviceTasks(String service) {
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName(service)).taskArns();
        return ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arns)).tasks();
    }
}
