package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.util.List;
import java.util.function.Supplier;

import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto Scaling group capacity providers through the SDK: Create/Update/DeleteCapacityProvider with managed scaling,
 * termination protection and draining, DescribeCapacityProviders, tags, the group's AmazonECSManaged tag, and AWS's
 * refusals (a group used twice, termination protection without scale-in protection, a provider in use, a mix with
 * Fargate), each without change; DeleteCapacityProvider on a provider still on a cluster answers DELETE_FAILED.
 */
class EcsAsgCapacityProviderIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    private AutoScalingFixture f;

    @BeforeEach
    void setUp() {
        ecsnet.ecs().createCluster(r -> r.clusterName("asg-demo"));
        f = new AutoScalingFixture(ecsnet.ec2(), ecsnet.autoScaling(), "asg-demo", "t3.medium");
        f.createGroup("protected", 0, 3, 0, r -> r.newInstancesProtectedFromScaleIn(true));
        f.createGroup("plain", 0, 3, 0, r -> r.newInstancesProtectedFromScaleIn(false));
    }

    private String arn(String group) {
        return f.group(group).autoScalingGroupARN();
    }

    private CapacityProvider create(String name, String group) {
        return ecsnet.ecs().createCapacityProvider(r -> r.name(name).tags(t -> t.key("team").value("web"))
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn(arn(group)).managedTerminationProtection("ENABLED")
                        .managedScaling(m -> m.status("ENABLED").targetCapacity(90).maximumScalingStepSize(5)))).capacityProvider();
    }

    private List<CapacityProvider> providers() {
        return ecsnet.ecs().describeCapacityProviders(r -> r.include(CapacityProviderField.TAGS)).capacityProviders();
    }

    @Test
    void createShowsTheSettingsWithDefaultsTagsTheGroupAndDescribeListsIt() {
        CapacityProvider cp = create("web-nodes", "protected");
        assertThat(cp.capacityProviderArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:capacity-provider/web-nodes");
        assertThat(cp.statusAsString()).isEqualTo("ACTIVE");
        assertThat(cp.autoScalingGroupProvider().autoScalingGroupArn()).isEqualTo(arn("protected"));
        assertThat(cp.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("ENABLED");
        assertThat(cp.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("ENABLED");
        var m = cp.autoScalingGroupProvider().managedScaling();
        assertThat(List.of(m.statusAsString(), m.targetCapacity(), m.minimumScalingStepSize(), m.maximumScalingStepSize(), m.instanceWarmupPeriod()))
                .containsExactly("ENABLED", 90, 1, 5, 300);
        assertThat(cp.tags()).singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=web"));

        assertThat(providers()).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT", "web-nodes");
        assertThat(ecsnet.ecs().describeCapacityProviders(r -> r.capacityProviders("web-nodes")).capacityProviders().get(0).hasTags()).isFalse();
        List<TagDescription> tags = ecsnet.autoScaling().describeTags(r -> r.filters(x -> x.name("auto-scaling-group").values("protected"))).tags();
        assertThat(tags).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("AmazonECSManaged");
            assertThat(t.value()).isEmpty();
            assertThat(t.propagateAtLaunch()).isTrue();
        });

        ecsnet.ecs().tagResource(r -> r.resourceArn(cp.capacityProviderArn()).tags(t -> t.key("env").value("prod")));
        assertThat(ecsnet.ecs().listTagsForResource(r -> r.resourceArn(cp.capacityProviderArn())).tags()).hasSize(2);

        CapacityProvider plain = ecsnet.ecs().createCapacityProvider(r -> r.name("plain-nodes")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("plain"))).capacityProvider();
        var d = plain.autoScalingGroupProvider();
        assertThat(d.managedScaling().statusAsString()).isEqualTo("DISABLED");
        assertThat(d.managedScaling().targetCapacity()).isEqualTo(100);
        assertThat(d.managedScaling().maximumScalingStepSize()).isEqualTo(10_000);
        assertThat(d.managedTerminationProtectionAsString()).isEqualTo("DISABLED");
    }

    @Test
    void createRefusesAGroupUsedTwiceProtectionWithoutScaleInProtectionAndBadValuesWithoutChange() {
        create("web-nodes", "protected");
        Supplier<Object> state = () -> List.of(providers(), ecsnet.autoScaling().describeTags(r -> r.filters(x -> x.name("auto-scaling-group")
                .values("plain"))).tags());
        refusedWithoutChange(state, () -> create("other", "protected"), "ClientException",
                "The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling "
                        + "group ARN and try again.");
        refusedWithoutChange(state, () -> create("other", "plain"), "ClientException",
                "The managed termination protection setting for the capacity provider is invalid. To enable managed termination "
                        + "protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.");
        refusedWithoutChange(state, () -> create("web-nodes", "plain"), "ClientException",
                "The specified capacity provider already exists. To change the configuration of an existing capacity provider, update "
                        + "the capacity provider.");
        refusedWithoutChange(state, () -> ecsnet.ecs().createCapacityProvider(r -> r.name("other").autoScalingGroupProvider(a -> a
                .autoScalingGroupArn("plain").managedScaling(m -> m.targetCapacity(101)))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().createCapacityProvider(r -> r.name("other").autoScalingGroupProvider(a -> a
                .autoScalingGroupArn("plain").managedScaling(m -> m.minimumScalingStepSize(0)))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().createCapacityProvider(r -> r.name("other").autoScalingGroupProvider(a -> a
                .autoScalingGroupArn("no-such-group"))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().createCapacityProvider(r -> r.name("fargate-mine").autoScalingGroupProvider(a -> a
                .autoScalingGroupArn("plain"))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().createCapacityProvider(r -> r.name("other")), "InvalidParameterException", null);
    }

    @Test
    void updateChangesOnlyTheMembersGivenAndRefusesProtectionTheGroupCannotGive() {
        ecsnet.ecs().createCapacityProvider(r -> r.name("plain-nodes").autoScalingGroupProvider(a -> a.autoScalingGroupArn(arn("plain"))));
        CapacityProvider up = ecsnet.ecs().updateCapacityProvider(r -> r.name("plain-nodes").autoScalingGroupProvider(a -> a
                .managedScaling(m -> m.status("ENABLED").targetCapacity(80)).managedDraining("DISABLED"))).capacityProvider();
        assertThat(up.updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(up.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(80);
        assertThat(up.autoScalingGroupProvider().managedScaling().instanceWarmupPeriod()).isEqualTo(300);
        assertThat(up.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("DISABLED");
        assertThat(up.autoScalingGroupProvider().managedTerminationProtectionAsString()).isEqualTo("DISABLED");

        Supplier<Object> state = this::providers;
        refusedWithoutChange(state, () -> ecsnet.ecs().updateCapacityProvider(r -> r.name("plain-nodes").autoScalingGroupProvider(a -> a
                .managedTerminationProtection("ENABLED"))), "ClientException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().updateCapacityProvider(r -> r.name("plain-nodes").autoScalingGroupProvider(a -> a
                .managedScaling(m -> m.instanceWarmupPeriod(10_001)))), "InvalidParameterException", null);
        refusedWithoutChange(state, () -> ecsnet.ecs().updateCapacityProvider(r -> r.name("missing").autoScalingGroupProvider(a -> a
                .managedDraining("ENABLED"))), "InvalidParameterException",
                "The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
    }

    @Test
    void deleteOfAProviderOnAClusterAnswersDeleteFailedAndAfterRemovalItGoesInactive() {
        create("web-nodes", "protected");
        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo").capacityProviders("web-nodes")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-nodes").weight(1).build()));
        CapacityProvider failed = ecsnet.ecs().deleteCapacityProvider(r -> r.capacityProvider("web-nodes")).capacityProvider();
        assertThat(failed.statusAsString()).isEqualTo("ACTIVE");
        assertThat(failed.updateStatusAsString()).isEqualTo("DELETE_FAILED");
        assertThat(failed.updateStatusReason()).isEqualTo("The capacity provider cannot be deleted because it is associated with cluster: "
                + "asg-demo. Remove the capacity provider from the cluster and try again.");
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("asg-demo")).clusters().get(0).capacityProviders()).containsExactly("web-nodes");

        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo").capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of()));
        CapacityProvider deleted = ecsnet.ecs().deleteCapacityProvider(r -> r.capacityProvider(
                "arn:aws:ecs:us-east-1:000000000000:capacity-provider/web-nodes")).capacityProvider();
        assertThat(deleted.statusAsString()).isEqualTo("INACTIVE");
        assertThat(deleted.updateStatusAsString()).isEqualTo("DELETE_COMPLETE");
        assertThat(ecsnet.ecs().describeCapacityProviders(r -> r.capacityProviders("web-nodes")).capacityProviders())
                .singleElement().satisfies(p -> assertThat(p.statusAsString()).isEqualTo("INACTIVE"));
        refusedWithoutChange(this::providers, () -> ecsnet.ecs().deleteCapacityProvider(r -> r.capacityProvider("web-nodes")),
                "InvalidParameterException", null);
        refusedWithoutChange(this::providers, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo")
                .capacityProviders("web-nodes").defaultCapacityProviderStrategy(List.of())), "InvalidParameterException", null);
        // the group is free again
        assertThat(create("web-nodes-2", "protected").statusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void aStrategyCannotMixGroupsWithFargateAndAProviderTasksUseCannotBeRemoved() {
        create("web-nodes", "protected");
        refusedWithoutChange(this::providers, () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo")
                .capacityProviders("web-nodes", "FARGATE").defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("web-nodes").weight(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).build())),
                "InvalidParameterException", "The specified capacity provider strategy cannot contain a mix of capacity providers using "
                        + "Auto Scaling groups and Fargate providers. Specify one or the other and try again.");

        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo").capacityProviders("web-nodes")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-nodes").weight(1).build()));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
        var run = ecsnet.ecs().runTask(r -> r.cluster("asg-demo").taskDefinition("api")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets))));
        assertThat(run.tasks()).singleElement().satisfies(t -> {
            assertThat(t.capacityProviderName()).isEqualTo("web-nodes");
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
        });
        refusedWithoutChange(() -> ecsnet.ecs().describeClusters(r -> r.clusters("asg-demo")).clusters().get(0).capacityProviders(),
                () -> ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo").capacityProviders(List.of())
                        .defaultCapacityProviderStrategy(List.of())), "ResourceInUseException",
                "The specified capacity provider is in use and cannot be removed.");
    }
}
