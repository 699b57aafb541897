package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static dev.ecsnet.it.EcsRefusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DAEMON service on the manual clock: one task on every ACTIVE container instance that matches its placement
 * constraints, one more when an instance registers, one less when an instance drains; desiredCount follows the
 * instances; a new task definition rolls instance by instance; delete needs no scale to zero; AWS's refusals.
 */
class EcsDaemonServiceScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String USER_DATA = Base64.getEncoder().encodeToString(
            "#!/bin/bash\necho ECS_CLUSTER=daemons >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));

    private String subnet;

    @BeforeEach
    void setUp() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        ecsnet.ecs().createCluster(r -> r.clusterName("daemons"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("agent").image("fluent-bit").memory(128)));
    }

    private String launch(InstanceType type) {
        String ami = ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("al2023-ami-ecs-hvm-*-x86_64").build())).images().get(0).imageId();
        String id = ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType(type).minCount(1).maxCount(1).subnetId(subnet)
                .userData(USER_DATA)).instances().get(0).instanceId();
        ecsnet.settle();
        return id;
    }

    private Service daemon(Consumer<CreateServiceRequest.Builder> more) {
        return ecsnet.ecs().createService(r -> {
            r.cluster("daemons").serviceName("agent").taskDefinition("agent").schedulingStrategy(SchedulingStrategy.DAEMON);
            more.accept(r);
        }).service();
    }

    private Service describe() {
        return ecsnet.ecs().describeServices(r -> r.cluster("daemons").services("agent")).services().get(0);
    }

    private List<Task> runningTasks() {
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("daemons").serviceName("agent")).taskArns();
        return arns.isEmpty() ? List.of() : ecsnet.ecs().describeTasks(r -> r.cluster("daemons").tasks(arns)).tasks();
    }

    private String containerInstanceOf(String instanceId) {
        List<String> arns = ecsnet.ecs().listContainerInstances(r -> r.cluster("daemons")).containerInstanceArns();
        return ecsnet.ecs().describeContainerInstances(r -> r.cluster("daemons").containerInstances(arns)).containerInstances().stream()
                .filter(ci -> ci.ec2InstanceId().equals(instanceId)).findFirst().orElseThrow().containerInstanceArn();
    }

    @Test
    void oneTaskPerInstanceFollowingTheInstancesAsTheyComeAndGo() {
        String a = launch(InstanceType.T3_MEDIUM);
        String b = launch(InstanceType.T3_MEDIUM);
        Service s = daemon(r -> { });
        assertThat(s.schedulingStrategyAsString()).isEqualTo("DAEMON");
        assertThat(s.desiredCount()).isEqualTo(2);
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(100);
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isZero();
        ecsnet.settle();
        assertThat(runningTasks()).extracting(Task::containerInstanceArn)
                .containsExactlyInAnyOrder(containerInstanceOf(a), containerInstanceOf(b));
        assertThat(describe().runningCount()).isEqualTo(2);
        assertThat(describe().events().get(0).message()).isEqualTo("(service agent) has reached a steady state.");

        // a new instance gets its task
        String c = launch(InstanceType.T3_MEDIUM);
        ecsnet.settle();
        assertThat(describe().desiredCount()).isEqualTo(3);
        assertThat(runningTasks()).extracting(Task::containerInstanceArn).contains(containerInstanceOf(c)).hasSize(3);

        // a draining instance loses its task
        String drained = containerInstanceOf(b);
        ecsnet.ecs().updateContainerInstancesState(r -> r.cluster("daemons").containerInstances(drained).status(ContainerInstanceStatus.DRAINING));
        ecsnet.settle();
        assertThat(describe().desiredCount()).isEqualTo(2);
        assertThat(runningTasks()).extracting(Task::containerInstanceArn).doesNotContain(drained).hasSize(2);

        // a new revision replaces the tasks instance by instance
        ecsnet.ecs().registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(x -> x.name("agent").image("fluent-bit:2").memory(128)));
        Service rolled = ecsnet.ecs().updateService(r -> r.cluster("daemons").service("agent").taskDefinition("agent")).service();
        assertThat(rolled.deployments()).hasSize(2);
        ecsnet.settle();
        assertThat(describe().deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).endsWith("agent:2");
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(2);
        });
        assertThat(runningTasks()).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith("agent:2")).hasSize(2);

        // deleting needs no scale to zero
        assertThat(ecsnet.ecs().deleteService(r -> r.cluster("daemons").service("agent")).service().status()).isEqualTo("DRAINING");
        ecsnet.settle();
        assertThat(describe().status()).isEqualTo("INACTIVE");
        assertThat(runningTasks()).isEmpty();
    }

    @Test
    void placementConstraintsChooseTheInstances() {
        launch(InstanceType.T3_MEDIUM);
        String big = launch(InstanceType.C5_LARGE);
        Service s = daemon(r -> r.placementConstraints(p -> p.type(PlacementConstraintType.MEMBER_OF)
                .expression("attribute:ecs.instance-type == c5.large")));
        assertThat(s.desiredCount()).isEqualTo(1);
        ecsnet.settle();
        assertThat(runningTasks()).extracting(Task::containerInstanceArn).containsExactly(containerInstanceOf(big));
    }

    @Test
    void refusals() {
        launch(InstanceType.T3_MEDIUM);
        refused(() -> daemon(r -> r.desiredCount(1)), "InvalidParameterException",
                "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again");
        refused(() -> daemon(r -> r.placementStrategy(p -> p.type(PlacementStrategyType.SPREAD).field("instanceId"))), "InvalidParameterException",
                "The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again");
        refused(() -> daemon(r -> r.deploymentConfiguration(d -> d.maximumPercent(200))), "InvalidParameterException",
                "The daemon scheduling strategy does not support values above 100 for maximumPercent on a deployment configuration. "
                        + "Change the maximumPercent value to 100, and try again");
        ecsnet.ecs().registerTaskDefinition(r -> r.family("fargate").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("a").image("nginx")));
        refused(() -> ecsnet.ecs().createService(r -> r.cluster("daemons").serviceName("agent").taskDefinition("fargate")
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(x -> x.subnets(subnet)))), "InvalidParameterException",
                "The daemon scheduling strategy does not support the FARGATE launch type.");
        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("daemons").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(d -> d.capacityProvider("FARGATE").weight(1)));
        refused(() -> daemon(r -> { }), "InvalidParameterException",
                "Specifying a capacity provider strategy is not supported when you create a service using the DAEMON scheduling strategy.");
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("daemons")).serviceArns()).isEmpty();
        // with the launch type named, the cluster's default strategy does not apply
        daemon(r -> r.launchType(LaunchType.EC2));
        refused(() -> ecsnet.ecs().updateService(r -> r.cluster("daemons").service("agent").desiredCount(3)), "InvalidParameterException",
                "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again");
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("daemons").schedulingStrategy(SchedulingStrategy.DAEMON)).serviceArns()).hasSize(1);
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("daemons").schedulingStrategy(SchedulingStrategy.REPLICA)).serviceArns()).isEmpty();
    }
}
