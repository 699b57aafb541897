package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLifecycleTest {
    private TestEcs t;

    @BeforeEach
    void setUp() {
        t = new TestEcs();
        t.ecs.taskDefinitions().register(TestEcs.fargateDefinition("web-app"), Map.of());
        t.ecs.createCluster(Optional.of("web"));
    }

    @Test
    void runningTaskWalksProvisioningPendingRunningWithItsEniCreatedOnTheFirstStep() {
        String subnet = t.subnet("10.0.1.0/24");
        Task task = t.run(subnet, 1).get(0);
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.PROVISIONING);
        assertThat(task.attachment().status()).isEqualTo(AttachmentStatus.PRECREATED);
        assertThat(t.network.networkInterfaces()).isEmpty();

        t.advance(Duration.ofMillis(200));
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.PENDING);
        assertThat(task.attachment().status()).isEqualTo(AttachmentStatus.ATTACHED);
        assertThat(task.attachment().details()).containsOnlyKeys("subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address");
        var eni = t.network.networkInterface(task.networkInterfaceId().orElseThrow());
        assertThat(eni.description()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:attachment/" + task.attachment().id());
        assertThat(eni.requesterManaged()).isTrue();
        assertThat(eni.status()).isEqualTo("in-use");
        assertThat(t.network.subnet(subnet).availableIpAddressCount()).isEqualTo(250);

        t.advance(Duration.ofMillis(300));
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.RUNNING);
        assertThat(task.containers()).allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("RUNNING"));
        assertThat(t.ecs.runningTasksCount(task.spec().cluster())).isEqualTo(1);
    }

    @Test
    void stopFromRunningGoesThroughEachStopStateAndDeletesTheEniOnlyWhenStopped() {
        String subnet = t.subnet("10.0.1.0/24");
        Task task = t.run(subnet, 1).get(0);
        t.settle();
        long before = task.version();
        t.ecs.stopTask(Optional.of("web"), task.id(), Optional.empty());
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.DEACTIVATING);
        assertThat(task.stoppedReason()).contains("Task stopped by user");
        assertThat(task.stopCode()).contains("UserInitiated");
        t.advance(Duration.ofMillis(100));
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.STOPPING);
        t.advance(Duration.ofMillis(200));
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.DEPROVISIONING);
        assertThat(t.network.networkInterfaces()).hasSize(1);
        t.advance(Duration.ofMillis(200));
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.STOPPED);
        assertThat(t.network.networkInterfaces()).isEmpty();
        assertThat(t.network.subnet(subnet).availableIpAddressCount()).isEqualTo(251);
        assertThat(task.attachment().status()).isEqualTo(AttachmentStatus.DELETED);
        assertThat(task.version()).isGreaterThan(before + 3);
    }

    @Test
    void stoppingTwiceKeepsTheFirstReason() {
        Task task = t.run(t.subnet("10.0.1.0/24"), 1).get(0);
        t.ecs.stopTask(Optional.of("web"), task.arn(), Optional.of("first"));
        t.ecs.stopTask(Optional.of("web"), task.arn(), Optional.of("second"));
        assertThat(task.stoppedReason()).contains("first");
    }

    @Test
    void aFullSubnetFailsTheTaskWithAwsReasonAndNoEni() {
        String subnet = t.subnet("10.0.9.0/28");
        List<Task> tasks = t.run(subnet, 10);
        tasks = new java.util.ArrayList<>(tasks);
        tasks.addAll(t.run(subnet, 2));
        t.settle();
        List<Task> failed = tasks.stream().filter(x -> x.lastStatus() == TaskLifecycle.STOPPED).toList();
        assertThat(tasks.stream().filter(x -> x.lastStatus() == TaskLifecycle.RUNNING)).hasSize(11);
        assertThat(failed).singleElement().satisfies(x -> {
            assertThat(x.stopCode()).contains("TaskFailedToStart");
            assertThat(x.stoppedReason()).contains("Unexpected EC2 error while attempting to Create Network Interface in subnet '"
                    + subnet + "': InsufficientFreeAddressesInSubnet");
            assertThat(x.networkInterfaceId()).isEmpty();
            assertThat(x.startedAt()).isEmpty();
        });
        assertThat(t.network.subnet(subnet).availableIpAddressCount()).isZero();
    }

    @Test
    void tasksSpreadOnePerZoneOverThreeSubnets() {
        String vpc = t.network.createVpc("10.0.0.0/16", null, Map.of()).id();
        List<String> subnets = List.of("a", "b", "c").stream().map(z -> t.network.createSubnet(vpc,
                "10.0." + (z.charAt(0) - 'a' + 1) + ".0/24", "us-east-1" + z, null, Map.of()).id()).toList();
        for (int round = 0; round < 3; round++) {
            List<Task> tasks = t.ecs.runTask(TestEcs.launch(subnets, List.of(), 3));
            assertThat(tasks).extracting(x -> x.spec().availabilityZone()).containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        }
        List<Task> firsts = List.of(t.ecs.runTask(TestEcs.launch(subnets, List.of(), 1)).get(0),
                t.ecs.runTask(TestEcs.launch(subnets, List.of(), 1)).get(0));
        assertThat(firsts.get(0).spec().subnetId()).isNotEqualTo(firsts.get(1).spec().subnetId());   // the start rotates
    }

    @Test
    void aRefusedRunTaskLeavesNoTask() {
        String subnet = t.subnet("10.0.1.0/24");
        assertThatThrownBy(() -> t.ecs.runTask(TestEcs.launch(List.of(subnet), List.of("sg-0123456789abcdef0"), 2)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterException"));
        assertThat(t.ecs.tasksOf(t.ecs.cluster(Optional.of("web")))).isEmpty();
        t.settle();
        assertThat(t.network.networkInterfaces()).isEmpty();
    }

    @Test
    void lifecycleNeverMovesBackwards() {
        Task task = t.run(t.subnet("10.0.1.0/24"), 1).get(0);
        t.settle();
        assertThatThrownBy(() -> task.moveTo(TaskLifecycle.PENDING)).isInstanceOf(IllegalStateException.class);
        assertThat(task.lastStatus()).isEqualTo(TaskLifecycle.RUNNING);
    }
}
