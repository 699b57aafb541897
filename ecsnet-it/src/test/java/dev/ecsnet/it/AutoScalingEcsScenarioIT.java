package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS on EC2 the way users run it, on the manual clock: a launch template with the ECS-optimized AMI and user data
 * {@code ECS_CLUSTER=asg-demo}, an Auto Scaling group of t3.medium over three subnets scaled from 0 to 3. The
 * instances go InService and register as container instances; six awsvpc tasks fill them, two per t3.medium (3
 * ENIs, one primary), and the seventh does not fit (RESOURCE:ENI). Scaling back to 1 terminates the others, stops
 * their tasks and deregisters them. With awsvpcTrunking on, a c5.large the group launches later registers with a
 * trunk ENI.
 */
class AutoScalingEcsScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static List<ContainerInstance> containerInstances() {
        List<String> arns = ecsnet.ecs().listContainerInstances(r -> r.cluster("asg-demo")).containerInstanceArns();
        return arns.isEmpty() ? List.of() : ecsnet.ecs().describeContainerInstances(r -> r.cluster("asg-demo").containerInstances(arns))
                .containerInstances();
    }

    private static RunTaskResponse runTasks(AutoScalingFixture f, int count) {
        return ecsnet.ecs().runTask(r -> r.cluster("asg-demo").taskDefinition("api").launchType(LaunchType.EC2).count(count)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets).securityGroups(f.securityGroup))));
    }

    @Test
    void aGroupOfT3MediumRunsTwoAwsvpcTasksPerInstanceAndScalingInDeregistersTheRest() {
        ecsnet.ecs().createCluster(r -> r.clusterName("asg-demo"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
        AutoScalingFixture f = new AutoScalingFixture(ecsnet.ec2(), ecsnet.autoScaling(), "asg-demo", "t3.medium");
        f.createGroup("ecs-nodes", 0, 3, 0, r -> r.newInstancesProtectedFromScaleIn(false));
        ecsnet.settle();
        assertThat(f.instances("ecs-nodes")).isEmpty();

        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("ecs-nodes").desiredCapacity(3));
        ecsnet.settle();
        List<Instance> instances = f.instances("ecs-nodes");
        assertThat(instances).extracting(Instance::lifecycleStateAsString).containsExactly("InService", "InService", "InService");
        assertThat(instances).extracting(Instance::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        List<ContainerInstance> registered = containerInstances();
        assertThat(registered).extracting(ContainerInstance::ec2InstanceId)
                .containsExactlyInAnyOrderElementsOf(instances.stream().map(Instance::instanceId).toList());
        assertThat(registered).allSatisfy(ci -> {
            assertThat(ci.status()).isEqualTo("ACTIVE");
            assertThat(ci.attributes()).noneMatch(a -> a.name().equals("ecs.awsvpc-trunk-id"));
        });

        RunTaskResponse six = runTasks(f, 6);
        assertThat(six.tasks()).hasSize(6);
        assertThat(six.failures()).isEmpty();
        assertThat(six.tasks().stream().collect(Collectors.groupingBy(Task::containerInstanceArn, Collectors.counting())).values())
                .containsExactly(2L, 2L, 2L);
        RunTaskResponse seventh = runTasks(f, 1);
        assertThat(seventh.tasks()).isEmpty();
        assertThat(seventh.failures()).hasSize(3).allSatisfy(x -> assertThat(x.reason()).isEqualTo("RESOURCE:ENI"));
        ecsnet.settle();
        Map<String, Subnet> subnets = ecsnet.ec2().describeSubnets(r -> r.subnetIds(f.subnets)).subnets().stream()
                .collect(Collectors.toMap(Subnet::subnetId, Function.identity()));
        List<Task> running = ecsnet.ecs().describeTasks(r -> r.cluster("asg-demo").tasks(six.tasks().stream().map(Task::taskArn).toList())).tasks();
        assertThat(running).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            String ip = t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
            String subnet = t.attachments().get(0).details().stream().filter(d -> d.name().equals("subnetId")).findFirst().orElseThrow().value();
            assertThat(ip).startsWith(subnets.get(subnet).cidrBlock().substring(0, subnets.get(subnet).cidrBlock().lastIndexOf('.')));
        });

        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("ecs-nodes").desiredCapacity(1));
        ecsnet.settle();
        List<Instance> left = f.instances("ecs-nodes");
        assertThat(left).singleElement().satisfies(i -> assertThat(i.availabilityZone()).isEqualTo("us-east-1a"));
        assertThat(containerInstances()).extracting(ContainerInstance::ec2InstanceId).containsExactly(left.get(0).instanceId());
        String survivor = containerInstances().get(0).containerInstanceArn();
        List<Task> after = ecsnet.ecs().describeTasks(r -> r.cluster("asg-demo").tasks(six.tasks().stream().map(Task::taskArn).toList())).tasks();
        assertThat(after).filteredOn(t -> t.containerInstanceArn().equals(survivor)).hasSize(2)
                .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(after).filteredOn(t -> !t.containerInstanceArn().equals(survivor)).hasSize(4).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedReason()).matches("Host EC2 \\(instance i-[0-9a-f]{17}\\) stopped/terminated\\.");
        });
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("asg-demo").desiredStatus(DesiredStatus.RUNNING)).taskArns()).hasSize(2);

        // trunking is the account's setting when an instance registers: a c5.large launched now gets a trunk ENI
        ecsnet.ecs().putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(f.launchTemplateId).sourceVersion("1")
                .launchTemplateData(d -> d.instanceType("c5.large")));
        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("ecs-nodes").desiredCapacity(2));
        ecsnet.settle();
        Instance c5 = f.instances("ecs-nodes").stream().filter(i -> i.instanceType().equals("c5.large")).findFirst().orElseThrow();
        ContainerInstance trunked = containerInstances().stream().filter(ci -> ci.ec2InstanceId().equals(c5.instanceId())).findFirst().orElseThrow();
        assertThat(trunked.attributes()).anySatisfy(a -> assertThat(a.name()).isEqualTo("ecs.awsvpc-trunk-id"));
        List<NetworkInterface> trunk = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(NetFixture.filter("attachment.instance-id",
                c5.instanceId()), NetFixture.filter("interface-type", "trunk"))).networkInterfaces();
        assertThat(trunk).hasSize(1);
        assertThat(c5.availabilityZone()).as("the emptiest zone, listed first").isEqualTo("us-east-1b");
    }
}
