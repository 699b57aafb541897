package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ecsnet.it.EcsTaskIT.Net;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed story on the manual clock: three tasks over three subnets, their ENIs and addresses, stop, and a full /28. */
class EcsSeedScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static Map<String, String> details(Attachment a) {
        return a.details().stream().collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
    }

    private List<Task> describe(List<String> arns) {
        return ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arns)).tasks();
    }

    private int freeAddresses(String subnetId) {
        return ecsnet.ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount();
    }

    @Test
    void threeTasksOverThreeSubnetsGetOneEniEachAndGiveTheAddressesBackOnStop() {
        Net net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        RunTaskResponse run = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                .count(3).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()).securityGroups(net.webSg()))));
        assertThat(run.failures()).isEmpty();
        List<String> arns = run.tasks().stream().map(Task::taskArn).toList();
        assertThat(run.tasks()).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(t.attachments()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo("ElasticNetworkInterface");
                assertThat(a.status()).isEqualTo("PRECREATED");
                assertThat(details(a)).containsOnlyKeys("subnetId");
            });
            assertThat(t.containers().get(0).networkInterfaces()).isEmpty();
        });
        assertThat(run.tasks()).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");

        ecsnet.advance(Duration.ofMillis(200));   // provisioning: ENIs created and attached
        List<Task> pending = describe(arns);
        assertThat(pending).extracting(Task::lastStatus).containsOnly("PENDING");
        assertThat(pending).allSatisfy(t -> assertThat(t.attachments().get(0).status()).isEqualTo("ATTACHED"));
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).pendingTasksCount()).isEqualTo(3);

        ecsnet.advance(Duration.ofMillis(300));   // pending: image pulled, containers started
        List<Task> running = describe(arns);
        Set<String> subnets = new HashSet<>();
        Set<String> enis = new HashSet<>();
        for (Task t : running) {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.connectivityAsString()).isEqualTo("CONNECTED");
            assertThat(t.startedAt()).isNotNull();
            assertThat(t.pullStartedAt()).isNotNull();
            assertThat(t.containers().get(0).lastStatus()).isEqualTo("RUNNING");
            Attachment a = t.attachments().get(0);
            Map<String, String> d = details(a);
            assertThat(a.details()).extracting(KeyValuePair::name)
                    .containsExactly("subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address");
            String ip = d.get("privateIPv4Address");
            assertThat(ip).startsWith("10.0." + (net.subnets().indexOf(d.get("subnetId")) + 1) + ".");
            assertThat(d.get("privateDnsName")).isEqualTo("ip-" + ip.replace('.', '-') + ".ec2.internal");
            assertThat(t.containers().get(0).networkInterfaces()).singleElement().satisfies(ni -> {
                assertThat(ni.attachmentId()).isEqualTo(a.id());
                assertThat(ni.privateIpv4Address()).isEqualTo(ip);
            });
            subnets.add(d.get("subnetId"));
            enis.add(d.get("networkInterfaceId"));
        }
        assertThat(subnets).containsExactlyInAnyOrderElementsOf(net.subnets());
        assertThat(enis).hasSize(3);
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).runningTasksCount()).isEqualTo(3);
        net.subnets().forEach(s -> assertThat(freeAddresses(s)).isEqualTo(250));

        List<NetworkInterface> described = ecsnet.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(enis)).networkInterfaces();
        assertThat(described).hasSize(3).allSatisfy(e -> {
            assertThat(e.statusAsString()).isEqualTo("in-use");
            assertThat(e.requesterManaged()).isTrue();
            assertThat(e.groups()).extracting(g -> g.groupId()).containsExactly(net.webSg());
            assertThat(e.description()).startsWith("arn:aws:ecs:us-east-1:000000000000:attachment/");
            assertThat(e.association()).isNull();
        });

        // waiters see RUNNING at once
        ecsnet.ecs().waiter().waitUntilTasksRunning(r -> r.cluster("web").tasks(arns));

        for (String arn : arns) {
            Task stopping = ecsnet.ecs().stopTask(r -> r.cluster("web").task(arn)).task();
            assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
            assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(stopping.stoppedReason()).isEqualTo("Task stopped by user");
            assertThat(stopping.lastStatus()).isEqualTo("DEACTIVATING");
        }
        ecsnet.advance(Duration.ofMillis(100));
        assertThat(describe(arns)).extracting(Task::lastStatus).containsOnly("STOPPING");
        ecsnet.advance(Duration.ofMillis(200));
        List<Task> deprovisioning = describe(arns);
        assertThat(deprovisioning).extracting(Task::lastStatus).containsOnly("DEPROVISIONING");
        assertThat(deprovisioning).allSatisfy(t -> assertThat(t.attachments().get(0).status()).isEqualTo("DETACHING"));
        net.subnets().forEach(s -> assertThat(freeAddresses(s)).isEqualTo(250));   // ENI still there until STOPPED

        ecsnet.advance(Duration.ofMillis(200));
        List<Task> stopped = describe(arns);
        assertThat(stopped).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedAt()).isNotNull();
            assertThat(t.executionStoppedAt()).isNotNull();
            assertThat(t.attachments().get(0).status()).isEqualTo("DELETED");
            assertThat(t.containers().get(0).lastStatus()).isEqualTo("STOPPED");
            assertThat(t.containers().get(0).exitCode()).isZero();
        });
        ecsnet.ecs().waiter().waitUntilTasksStopped(r -> r.cluster("web").tasks(arns));
        net.subnets().forEach(s -> assertThat(freeAddresses(s)).isEqualTo(251));
        assertThatThrownBy(() -> ecsnet.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(enis.iterator().next())))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkInterfaceID.NotFound"));
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).runningTasksCount()).isZero();
    }

    @Test
    void aSlash28HoldsElevenTasksAndTheTwelfthStopsWithInsufficientFreeAddresses() {
        Net net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        String small = ecsnet.ec2().createSubnet(r -> r.vpcId(net.vpcId()).cidrBlock("10.0.9.0/28").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        assertThat(freeAddresses(small)).isEqualTo(11);
        List<String> arns = new java.util.ArrayList<>();
        for (int count : new int[]{10, 2}) {
            RunTaskResponse r = ecsnet.ecs().runTask(b -> b.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                    .count(count).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(small).securityGroups(net.webSg()))));
            assertThat(r.failures()).isEmpty();
            r.tasks().forEach(t -> arns.add(t.taskArn()));
        }
        assertThat(arns).hasSize(12);
        ecsnet.settle();
        List<Task> all = describe(arns);
        List<Task> stopped = all.stream().filter(t -> t.lastStatus().equals("STOPPED")).toList();
        assertThat(all.stream().filter(t -> t.lastStatus().equals("RUNNING"))).hasSize(11);
        assertThat(stopped).singleElement().satisfies(t -> {
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
            assertThat(t.stoppedReason()).isEqualTo("Unexpected EC2 error while attempting to Create Network Interface in subnet '"
                    + small + "': InsufficientFreeAddressesInSubnet");
            assertThat(t.desiredStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppingAt()).isNotNull();
            assertThat(t.stoppedAt()).isNotNull();
            assertThat(t.startedAt()).isNull();
            assertThat(t.attachments().get(0).status()).isEqualTo("DELETED");
        });
        assertThat(freeAddresses(small)).isZero();
        assertThatThrownBy(() -> ecsnet.ec2().deleteSubnet(r -> r.subnetId(small)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
                });
    }

    @Test
    void withAPublicIpTheFailureReasonNamesPublicIpAssignment() {
        Net net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        String small = ecsnet.ec2().createSubnet(r -> r.vpcId(net.vpcId()).cidrBlock("10.0.9.0/28").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        ecsnet.ec2().createNetworkInterface(r -> r.subnetId(small));
        for (int i = 0; i < 10; i++) {
            ecsnet.ec2().createNetworkInterface(r -> r.subnetId(small));
        }
        assertThat(freeAddresses(small)).isZero();
        String arn = ecsnet.ecs().runTask(b -> b.cluster("web").taskDefinition("web-app").networkConfiguration(n -> n.awsvpcConfiguration(
                a -> a.subnets(small).assignPublicIp("ENABLED")))).tasks().get(0).taskArn();
        ecsnet.settle();
        assertThat(describe(List.of(arn))).singleElement().satisfies(t -> assertThat(t.stoppedReason()).isEqualTo(
                "Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet '"
                        + small + "': InsufficientFreeAddressesInSubnet"));
    }
}
