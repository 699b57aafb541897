package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.TargetType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Container instance operations, attributes, StartTask and EC2 RunTask refusals through the SDK. */
class EcsContainerInstanceIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private String subnet;

    private static void assertEcsError(Executable call, String code, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    private String instance(String cluster, InstanceType type) {
        String ami = ecsnet.ec2().describeImages(r -> r.filters(Filter.builder().name("name").values("amzn2-ami-ecs-hvm-*-x86_64-ebs").build()))
                .images().get(0).imageId();
        String userData = Base64.getEncoder().encodeToString(("ECS_CLUSTER=" + cluster).getBytes(StandardCharsets.UTF_8));
        String id = ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType(type).minCount(1).maxCount(1).subnetId(subnet)
                .userData(userData)).instances().get(0).instanceId();
        ecsnet.settle();
        return id;
    }

    private ContainerInstance only(String cluster) {
        List<String> arns = ecsnet.ecs().listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        assertThat(arns).hasSize(1);
        return ecsnet.ecs().describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns)).containerInstances().get(0);
    }

    private void setUp() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        ecsnet.ecs().createCluster(r -> r.clusterName("ec2"));
    }

    @Test
    void anInstanceWhoseUserDataNamesTheClusterRegistersWithItsResourcesAndAttributes() {
        setUp();
        String id = instance("ec2", InstanceType.M5_LARGE);
        ContainerInstance ci = only("ec2");
        assertThat(ci.containerInstanceArn()).matches("arn:aws:ecs:us-east-1:000000000000:container-instance/ec2/[0-9a-f]{32}");
        assertThat(ci.ec2InstanceId()).isEqualTo(id);
        assertThat(ci.status()).isEqualTo("ACTIVE");
        assertThat(ci.agentConnected()).isTrue();
        assertThat(ci.versionInfo().agentVersion()).isNotBlank();
        assertThat(ci.registeredResources()).extracting(r -> r.name()).containsExactly("CPU", "MEMORY", "PORTS", "PORTS_UDP");
        assertThat(ci.registeredResources().get(0).integerValue()).isEqualTo(2048);
        assertThat(ci.registeredResources().get(1).integerValue()).isEqualTo(8192 - 256);
        assertThat(ci.registeredResources().get(2).stringSetValue()).containsExactlyInAnyOrder("22", "2375", "2376", "51678", "51679");
        assertThat(ci.attributes()).extracting(Attribute::name).contains("ecs.instance-type", "ecs.availability-zone", "ecs.subnet-id",
                "ecs.vpc-id", "ecs.ami-id", "ecs.os-type", "ecs.cpu-architecture", "ecs.capability.task-eni", "ecs.capability.task-eni-trunking")
                .doesNotContain("ecs.awsvpc-trunk-id");
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("ec2")).clusters().get(0).registeredContainerInstancesCount()).isEqualTo(1);
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2").filter("attribute:ecs.instance-type == m5.large"))
                .containerInstanceArns()).containsExactly(ci.containerInstanceArn());
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2").filter("attribute:ecs.instance-type == c5.large"))
                .containerInstanceArns()).isEmpty();
        assertEcsError(() -> ecsnet.ecs().deleteCluster(r -> r.cluster("ec2")), "ClusterContainsContainerInstancesException",
                "The Cluster cannot be deleted while Container Instances are active.");
    }

    @Test
    void describeUpdateStateAndDeregister() {
        setUp();
        instance("ec2", InstanceType.T3_MEDIUM);
        ContainerInstance ci = only("ec2");
        var described = ecsnet.ecs().describeContainerInstances(r -> r.cluster("ec2").containerInstances(ci.containerInstanceArn(), "0123456789abcdef0123456789abcdef"));
        assertThat(described.containerInstances()).hasSize(1);
        assertThat(described.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        var drained = ecsnet.ecs().updateContainerInstancesState(r -> r.cluster("ec2").containerInstances(ci.containerInstanceArn())
                .status(ContainerInstanceStatus.DRAINING));
        assertThat(drained.containerInstances().get(0).status()).isEqualTo("DRAINING");
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2").status(ContainerInstanceStatus.DRAINING)).containerInstanceArns()).hasSize(1);
        assertEcsError(() -> ecsnet.ecs().updateContainerInstancesState(r -> r.cluster("ec2").containerInstances(ci.containerInstanceArn())
                .status(ContainerInstanceStatus.REGISTERING)), "InvalidParameterException", null);
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("web").image("nginx").memory(128)));
        var onDraining = ecsnet.ecs().runTask(r -> r.cluster("ec2").taskDefinition("web").launchType(LaunchType.EC2));
        assertThat(onDraining.tasks()).isEmpty();
        ecsnet.ecs().updateContainerInstancesState(r -> r.cluster("ec2").containerInstances(ci.containerInstanceArn()).status(ContainerInstanceStatus.ACTIVE));
        var task = ecsnet.ecs().runTask(r -> r.cluster("ec2").taskDefinition("web").launchType(LaunchType.EC2)
                .placementStrategy(s -> s.type(PlacementStrategyType.BINPACK).field("memory"))).tasks().get(0);
        assertThat(task.containerInstanceArn()).isEqualTo(ci.containerInstanceArn());
        assertThat(task.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("ec2").containerInstance(ci.containerInstanceArn())).taskArns()).containsExactly(task.taskArn());
        assertEcsError(() -> ecsnet.ecs().deregisterContainerInstance(r -> r.cluster("ec2").containerInstance(ci.containerInstanceArn())),
                "InvalidParameterException", null);
        var gone = ecsnet.ecs().deregisterContainerInstance(r -> r.cluster("ec2").containerInstance(ci.containerInstanceArn()).force(true));
        assertThat(gone.containerInstance().status()).isEqualTo("INACTIVE");
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2")).containerInstanceArns()).isEmpty();
        assertEcsError(() -> ecsnet.ecs().deregisterContainerInstance(r -> r.cluster("ec2").containerInstance("0123456789abcdef0123456789abcdef")),
                "InvalidParameterException", null);
    }

    @Test
    void putListAndDeleteAttributes() {
        setUp();
        instance("ec2", InstanceType.T3_MEDIUM);
        ContainerInstance ci = only("ec2");
        var put = ecsnet.ecs().putAttributes(r -> r.cluster("ec2").attributes(a -> a.name("stack").value("prod")
                .targetType(TargetType.CONTAINER_INSTANCE).targetId(ci.containerInstanceArn())));
        assertThat(put.attributes()).singleElement().satisfies(a -> assertThat(a.targetId()).isEqualTo(ci.containerInstanceArn()));
        assertThat(ecsnet.ecs().listAttributes(r -> r.cluster("ec2").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack")
                .attributeValue("prod")).attributes()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo("prod"));
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2").filter("attribute:stack == prod")).containerInstanceArns()).hasSize(1);
        ecsnet.ecs().deleteAttributes(r -> r.cluster("ec2").attributes(a -> a.name("stack").targetId(ci.containerInstanceArn())));
        assertThat(ecsnet.ecs().listAttributes(r -> r.cluster("ec2").targetType(TargetType.CONTAINER_INSTANCE).attributeName("stack"))
                .attributes()).isEmpty();
        assertEcsError(() -> ecsnet.ecs().putAttributes(r -> r.cluster("ec2").attributes(a -> a.name("x").targetId("nope"))),
                "TargetNotFoundException", null);
        assertEcsError(() -> ecsnet.ecs().deleteAttributes(r -> r.cluster("ec2").attributes(a -> a.name("never").targetId(ci.containerInstanceArn()))),
                "TargetNotFoundException", null);
    }

    @Test
    void registerContainerInstanceAndStartTask() {
        setUp();
        String id = instance("other", InstanceType.T3_MEDIUM); // no cluster "other": the agent cannot register
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2")).containerInstanceArns()).isEmpty();
        ContainerInstance ci = ecsnet.ecs().registerContainerInstance(r -> r.cluster("ec2")
                .instanceIdentityDocument("{\"instanceId\":\"" + id + "\",\"region\":\"us-east-1\"}")).containerInstance();
        assertThat(ci.ec2InstanceId()).isEqualTo(id);
        assertEcsError(() -> ecsnet.ecs().registerContainerInstance(r -> r.cluster("ec2").instanceIdentityDocument("{\"instanceId\":\"i-00000000000000000\"}")),
                "InvalidParameterException", null);
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
        var started = ecsnet.ecs().startTask(r -> r.cluster("ec2").taskDefinition("api").containerInstances(ci.containerInstanceArn(), "0123456789abcdef0123456789abcdef")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
        assertThat(started.tasks()).hasSize(1);
        assertThat(started.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertEcsError(() -> ecsnet.ecs().runTask(r -> r.cluster("ec2").taskDefinition("api").launchType(LaunchType.EC2)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).assignPublicIp("ENABLED")))),
                "InvalidParameterException", "Assign public IP is not supported for this launch type.");
        assertEcsError(() -> ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2").filter("colour == red")), "InvalidParameterException", null);
    }
}
