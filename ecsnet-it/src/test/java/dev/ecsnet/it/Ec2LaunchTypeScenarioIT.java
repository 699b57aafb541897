package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EC2 launch type story on the manual clock: a t3.medium runs exactly 2 awsvpc tasks and the third RunTask
 * fails with RESOURCE:ENI; with awsvpcTrunking enabled a new c5.large gets a trunk ENI and runs ECS's
 * with-trunking figure (10) of awsvpc tasks on branch ENIs, and no more; two awsvpc tasks share port 8080 on one
 * instance while two bridge tasks with host port 8080 cannot; terminating an instance stops its tasks.
 */
class Ec2LaunchTypeScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String USER_DATA = Base64.getEncoder().encodeToString(
            "#!/bin/bash\necho ECS_CLUSTER=ec2-demo >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));

    private String subnet;
    private String sg;

    private String ecsAmi() {
        return ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("al2023-ami-ecs-hvm-*-x86_64").build())).images().get(0).imageId();
    }

    private Instance launch(InstanceType type) {
        Instance i = ecsnet.ec2().runInstances(r -> r.imageId(ecsAmi()).instanceType(type).minCount(1).maxCount(1)
                .subnetId(subnet).securityGroupIds(sg).userData(USER_DATA)).instances().get(0);
        ecsnet.settle();
        return i;
    }

    private ContainerInstance containerInstanceOf(String instanceId) {
        List<String> arns = ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2-demo")).containerInstanceArns();
        return ecsnet.ecs().describeContainerInstances(r -> r.cluster("ec2-demo").containerInstances(arns)).containerInstances()
                .stream().filter(ci -> ci.ec2InstanceId().equals(instanceId)).findFirst().orElseThrow();
    }

    private RunTaskResponse runAwsvpc(String instanceType, int count) {
        return ecsnet.ecs().runTask(r -> r.cluster("ec2-demo").taskDefinition("api").launchType(LaunchType.EC2).count(count)
                .placementConstraints(c -> c.type(PlacementConstraintType.MEMBER_OF).expression("attribute:ecs.instance-type == " + instanceType))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(sg))));
    }

    private List<NetworkInterface> enisOn(String instanceId, String interfaceType) {
        return ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(
                Filter.builder().name("attachment.instance-id").values(instanceId).build(),
                Filter.builder().name("interface-type").values(interfaceType).build())).networkInterfaces();
    }

    @Test
    void enilimitsTrunkingAndPortsOnTheEc2LaunchType() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("api").description("api")).groupId();
        ecsnet.ecs().createCluster(r -> r.clusterName("ec2-demo"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.EC2).cpu("128").memory("256")
                .containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("web").image("nginx").cpu(64).memory(128)
                        .portMappings(p -> p.containerPort(80).hostPort(8080))));

        // a t3.medium: 3 ENIs, so 2 awsvpc tasks
        Instance t3 = launch(InstanceType.T3_MEDIUM);
        assertThat(ecsnet.ec2().describeInstances(r -> r.instanceIds(t3.instanceId())).reservations().get(0).instances().get(0)
                .state().nameAsString()).isEqualTo("running");
        ContainerInstance small = containerInstanceOf(t3.instanceId());
        assertThat(small.status()).isEqualTo("ACTIVE");
        assertThat(small.registeredResources()).filteredOn(res -> res.name().equals("CPU")).singleElement()
                .satisfies(res -> assertThat(res.integerValue()).isEqualTo(2048));
        assertThat(runAwsvpc("t3.medium", 1).tasks()).hasSize(1);
        assertThat(runAwsvpc("t3.medium", 1).tasks()).hasSize(1);
        RunTaskResponse third = runAwsvpc("t3.medium", 1);
        assertThat(third.tasks()).isEmpty();
        assertThat(third.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(small.containerInstanceArn());
            assertThat(f.reason()).isEqualTo("RESOURCE:ENI");
        });
        ecsnet.settle();
        assertThat(enisOn(t3.instanceId(), "interface")).hasSize(3); // primary + 2 task ENIs

        // trunking on, then a new c5.large: trunk ENI, 10 awsvpc tasks on branch ENIs
        ecsnet.ecs().putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        Instance c5 = launch(InstanceType.C5_LARGE);
        ContainerInstance big = containerInstanceOf(c5.instanceId());
        assertThat(big.status()).isEqualTo("ACTIVE");
        assertThat(big.attributes()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("ecs.awsvpc-trunk-id");
            assertThat(a.value()).matches("[0-9a-f-]{36}");
        });
        List<NetworkInterface> trunk = enisOn(c5.instanceId(), "trunk");
        assertThat(trunk).hasSize(1);
        assertThat(big.attachments()).singleElement().satisfies(a -> assertThat(a.details())
                .anySatisfy(d -> assertThat(d.value()).isEqualTo(trunk.get(0).networkInterfaceId())));
        RunTaskResponse ten = runAwsvpc("c5.large", 10);
        assertThat(ten.tasks()).hasSize(10).allSatisfy(t -> assertThat(t.containerInstanceArn()).isEqualTo(big.containerInstanceArn()));
        RunTaskResponse eleventh = runAwsvpc("c5.large", 1);
        assertThat(eleventh.tasks()).isEmpty();
        assertThat(eleventh.failures()).anySatisfy(f -> {
            assertThat(f.arn()).isEqualTo(big.containerInstanceArn());
            assertThat(f.reason()).isEqualTo("RESOURCE:ENI");
        });
        ecsnet.settle();
        assertThat(enisOn(c5.instanceId(), "branch")).hasSize(10);
        List<Task> running = ecsnet.ecs().describeTasks(r -> r.cluster("ec2-demo").tasks(ten.tasks().stream().map(Task::taskArn).toList())).tasks();
        assertThat(running).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.containers().get(0).networkInterfaces()).hasSize(1); // ten tasks on port 8080, one host
        });

        // bridge mode: host port 8080 once per instance
        Task web = ecsnet.ecs().startTask(r -> r.cluster("ec2-demo").taskDefinition("web").containerInstances(big.containerInstanceArn()))
                .tasks().get(0);
        var second = ecsnet.ecs().startTask(r -> r.cluster("ec2-demo").taskDefinition("web").containerInstances(big.containerInstanceArn()));
        assertThat(second.tasks()).isEmpty();
        assertThat(second.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("RESOURCE:PORTS"));
        ecsnet.settle();
        Task webRunning = ecsnet.ecs().describeTasks(r -> r.cluster("ec2-demo").tasks(web.taskArn())).tasks().get(0);
        assertThat(webRunning.attachments()).isEmpty();
        assertThat(webRunning.containers().get(0).networkBindings()).singleElement().satisfies(b -> {
            assertThat(b.hostPort()).isEqualTo(8080);
            assertThat(b.containerPort()).isEqualTo(80);
        });
        assertThat(containerInstanceOf(c5.instanceId()).remainingResources()).filteredOn(res -> res.name().equals("PORTS"))
                .singleElement().satisfies(res -> assertThat(res.stringSetValue()).contains("8080", "22", "51678"));

        // terminating the t3.medium stops its tasks and deregisters it
        ecsnet.ec2().terminateInstances(r -> r.instanceIds(t3.instanceId()));
        ecsnet.settle();
        assertThat(ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2-demo")).containerInstanceArns())
                .containsExactly(big.containerInstanceArn());
        List<String> stopped = ecsnet.ecs().listTasks(r -> r.cluster("ec2-demo").desiredStatus("STOPPED")).taskArns();
        assertThat(ecsnet.ecs().describeTasks(r -> r.cluster("ec2-demo").tasks(stopped)).tasks()).hasSize(2).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + t3.instanceId() + ") stopped/terminated.");
        });
        assertThat(enisOn(t3.instanceId(), "interface")).isEmpty();
    }
}
