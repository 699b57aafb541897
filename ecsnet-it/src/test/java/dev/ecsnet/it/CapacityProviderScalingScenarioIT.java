package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS cluster auto scaling where the ENI limit decides, on the manual clock: a group of t3.medium at 0 instances
 * behind a capacity provider with managed scaling at target 100 and managed termination protection; a service of
 * six small awsvpc tasks waits in PROVISIONING, the group grows to 3 (2 ENI slots per t3.medium), every task ends
 * RUNNING with its ENI address in its subnet, and scaling the service down shrinks the group to the instances that
 * still run tasks. With awsvpcTrunking on, one c5.large runs 10 tasks on branch ENIs and the group adds exactly one
 * instance for the next 10. Tasks that wait past the provisioning timeout stop.
 */
class CapacityProviderScalingScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    @BeforeEach
    void cluster() {
        ecsnet.ecs().createCluster(r -> r.clusterName("asg-demo"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .cpu("128").memory("256").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
    }

    private static AutoScalingFixture providerOver(String instanceType, int min, int desired) {
        AutoScalingFixture f = new AutoScalingFixture(ecsnet.ec2(), ecsnet.autoScaling(), "asg-demo", instanceType);
        f.createGroup("ecs-nodes", min, 6, desired, r -> r.newInstancesProtectedFromScaleIn(true));
        ecsnet.ecs().createCapacityProvider(r -> r.name("nodes").autoScalingGroupProvider(a -> a.autoScalingGroupArn(f.group("ecs-nodes")
                .autoScalingGroupARN()).managedTerminationProtection("ENABLED").managedScaling(m -> m.status("ENABLED").targetCapacity(100))));
        ecsnet.ecs().putClusterCapacityProviders(r -> r.cluster("asg-demo").capacityProviders("nodes")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("nodes").weight(1).build()));
        return f;
    }

    private static void service(AutoScalingFixture f, int count) {
        ecsnet.ecs().createService(r -> r.cluster("asg-demo").serviceName("web").taskDefinition("api").desiredCount(count)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("nodes").weight(1).build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets).securityGroups(f.securityGroup))));
    }

    private static List<Task> tasks(String desiredStatus) {
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("asg-demo").desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : ecsnet.ecs().describeTasks(r -> r.cluster("asg-demo").tasks(arns)).tasks();
    }

    /** What {@code ecsnet diagnose} prints comes from this admin endpoint. */
    private static String diagnose(String target) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    ecsnet.endpoint().resolve("/_ecsnet/diagnose?target=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> tasksPerInstance(List<Task> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(Task::containerInstanceArn, Collectors.counting()));
    }

    @Test
    void sixTasksWaitThenTheGroupGrowsToThreeT3MediumAndShrinksWhenTheServiceScalesDown() {
        AutoScalingFixture f = providerOver("t3.medium", 0, 0);
        service(f, 6);
        ecsnet.advance(Duration.ofMillis(500));
        List<Task> waiting = tasks("RUNNING");
        assertThat(waiting).hasSize(6).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(t.capacityProviderName()).isEqualTo("nodes");
            assertThat(t.containerInstanceArn()).isNull();
        });
        assertThat(f.group("ecs-nodes").desiredCapacity()).isZero();
        assertThat(diagnose(waiting.get(0).taskArn())).contains("waits in PROVISIONING for capacity provider nodes (managed scaling ENABLED, "
                + "target 100%): group ecs-nodes has 0 instance(s), desired 0, max 6; one t3.medium takes 2 task(s) of api:1 (ENI-bound: "
                + "3 ENIs - 1 primary); fix: enable awsvpcTrunking (aws ecs put-account-setting-default --name awsvpcTrunking --value enabled) "
                + "and launch c5.large from the template (t3.medium does not support trunking): a c5.large then takes 10 tasks (2 per t3.medium now)");

        ecsnet.settle();
        assertThat(f.group("ecs-nodes").desiredCapacity()).isEqualTo(3);
        assertThat(f.lifecycles("ecs-nodes")).containsExactly("InService", "InService", "InService");
        List<Task> running = tasks("RUNNING");
        assertThat(running).hasSize(6).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(running).extracting(Task::taskArn).containsExactlyInAnyOrderElementsOf(waiting.stream().map(Task::taskArn).toList());
        assertThat(tasksPerInstance(running).values()).containsExactly(2L, 2L, 2L);
        Map<String, Subnet> subnets = ecsnet.ec2().describeSubnets(r -> r.subnetIds(f.subnets)).subnets().stream()
                .collect(Collectors.toMap(Subnet::subnetId, Function.identity()));
        assertThat(running).allSatisfy(t -> {
            String ip = t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
            String subnet = t.attachments().get(0).details().stream().filter(d -> d.name().equals("subnetId")).findFirst().orElseThrow().value();
            String cidr = subnets.get(subnet).cidrBlock();
            assertThat(ip).startsWith(cidr.substring(0, cidr.lastIndexOf('.') + 1));
        });
        assertThat(f.instances("ecs-nodes")).allSatisfy(i -> assertThat(i.protectedFromScaleIn()).isTrue());
        assertThat(f.activities("ecs-nodes").get(0).cause()).contains("changing the desired capacity from 0 to 3");

        ecsnet.ecs().updateService(r -> r.cluster("asg-demo").service("web").desiredCount(2));
        ecsnet.settle();
        List<Task> left = tasks("RUNNING");
        assertThat(left).hasSize(2);
        int busy = tasksPerInstance(left).size();
        List<Instance> instances = f.instances("ecs-nodes");
        assertThat(instances).hasSize(busy).hasSizeLessThan(3);
        assertThat(f.group("ecs-nodes").desiredCapacity()).isEqualTo(busy);
        assertThat(instances).extracting(Instance::instanceId).containsExactlyInAnyOrderElementsOf(left.stream()
                .map(t -> ecsnet.ecs().describeContainerInstances(r -> r.cluster("asg-demo").containerInstances(t.containerInstanceArn()))
                        .containerInstances().get(0).ec2InstanceId()).distinct().toList());
    }

    @Test
    void withTrunkingOneC5LargeRunsTenTasksAndTheGroupAddsExactlyOneInstanceForTheNextTen() {
        ecsnet.ecs().putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        AutoScalingFixture f = providerOver("c5.large", 1, 1);
        ecsnet.settle();
        service(f, 10);
        ecsnet.settle();
        List<Task> ten = tasks("RUNNING");
        assertThat(ten).hasSize(10).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(tasksPerInstance(ten)).hasSize(1);
        assertThat(f.group("ecs-nodes").desiredCapacity()).isEqualTo(1);
        List<String> branchEnis = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(NetFixture.filter("interface-type", "branch")))
                .networkInterfaces().stream().map(n -> n.networkInterfaceId()).toList();
        assertThat(ten).allSatisfy(t -> assertThat(branchEnis).contains(t.attachments().get(0).details().stream()
                .filter(d -> d.name().equals("networkInterfaceId")).findFirst().orElseThrow().value()));

        ecsnet.ecs().updateService(r -> r.cluster("asg-demo").service("web").desiredCount(20));
        ecsnet.advance(Duration.ofMillis(500));
        assertThat(tasks("RUNNING")).filteredOn(t -> t.lastStatus().equals("PROVISIONING")).hasSize(10);
        ecsnet.settle();
        assertThat(f.group("ecs-nodes").desiredCapacity()).isEqualTo(2);
        List<Task> twenty = tasks("RUNNING");
        assertThat(twenty).hasSize(20).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(tasksPerInstance(twenty).values()).containsExactly(10L, 10L);
    }

    @Test
    void tasksWaitingPastTheProvisioningTimeoutStopWhenTheGroupIsAtItsMaximum() {
        AutoScalingFixture f = providerOver("t3.medium", 0, 0);
        ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("ecs-nodes").maxSize(1));
        var run = ecsnet.ecs().runTask(r -> r.cluster("asg-demo").taskDefinition("api").count(3)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(f.subnets))));
        assertThat(run.failures()).isEmpty();
        ecsnet.advance(Duration.ofSeconds(20));
        List<Task> now = ecsnet.ecs().describeTasks(r -> r.cluster("asg-demo").tasks(run.tasks().stream().map(Task::taskArn).toList())).tasks();
        assertThat(now).filteredOn(t -> t.lastStatus().equals("RUNNING")).hasSize(2);
        assertThat(now).filteredOn(t -> t.lastStatus().equals("PROVISIONING")).hasSize(1);
        assertThat(f.group("ecs-nodes").desiredCapacity()).isEqualTo(1);
        String waiting = now.stream().filter(t -> t.lastStatus().equals("PROVISIONING")).findFirst().orElseThrow().taskArn();
        assertThat(diagnose(waiting)).contains("group ecs-nodes has 1 instance(s), desired 1, max 1")
                .contains("max size reached: growing the group cannot help, raise its MaxSize");

        ecsnet.settle();
        List<Task> after = ecsnet.ecs().describeTasks(r -> r.cluster("asg-demo").tasks(run.tasks().stream().map(Task::taskArn).toList())).tasks();
        assertThat(after).filteredOn(t -> t.lastStatus().equals("STOPPED")).singleElement().satisfies(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(t.stoppedReason()).isEqualTo("EMPTY CAPACITY PROVIDER");
            assertThat(t.containerInstanceArn()).isNull();
        });
        assertThat(after).filteredOn(t -> t.lastStatus().equals("RUNNING")).hasSize(2);
    }
}
