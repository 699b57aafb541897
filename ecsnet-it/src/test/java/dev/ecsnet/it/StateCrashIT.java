package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.engine.store.StateJournal;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of {@code --state-dir}: a server takes a random stream of mutating calls, is halted abruptly at a
 * random point (the engine stops without shutdown, nothing is flushed or closed cleanly) with a torn, never
 * acknowledged record at the end of its journal; after a restart on the same folder every acknowledged ENI and task
 * is there with the same id and address, the subnets' AvailableIpAddressCount matches their ENIs, every live task's
 * ENI exists with the task's address, and the describe output equals what it was at the kill.
 */
class StateCrashIT {
    private static final Instant START = EcsnetServerExtension.START;

    @TempDir
    Path dir;

    private record Running(EcsnetServer server, StateJournal journal, ManualClock clock) {
        static Running start(Path dir, Instant at) {
            return start(dir, at, StateJournal.DEFAULT_SNAPSHOT_EVERY);
        }

        static Running start(Path dir, Instant at, int snapshotEvery) {
            StateJournal journal = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, "timing=fast egress=ignore").snapshotEvery(snapshotEvery);
            ManualClock clock = new ManualClock(at);
            EcsnetServer server = new EcsnetServer(new Engine(clock, 99, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0);
            journal.restore(server.engine(), server.replayer());
            return new Running(server.start(), journal, clock);
        }

        void crash() {
            server.engine().halt();
            journal.abandon();
            server.close();
        }
    }

    @RepeatedTest(12)
    void everyAcknowledgedResourceSurvivesAnAbruptHaltWithATornTail(RepetitionInfo repetition) throws IOException {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        // snapshots every few records, so that kills fall before, during and after their writes
        int snapshotEvery = 1 + random.nextInt(8);
        Running first = Running.start(dir, START, snapshotEvery);
        Map<String, String> enis = new HashMap<>();
        Map<String, String> taskIps = new HashMap<>();
        String before;
        try (Ec2Client ec2 = StateFixture.client(first.server(), Ec2Client.builder(), "test");
             EcsClient ecs = StateFixture.client(first.server(), EcsClient.builder(), "test")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            List<String> subnets = new ArrayList<>();
            subnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId());
            ecs.createCluster(r -> r.clusterName("c"));
            ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
            int calls = 5 + random.nextInt(40);
            for (int i = 0; i < calls; i++) {
                String subnet = subnets.get(random.nextInt(subnets.size()));
                switch (random.nextInt(6)) {
                    case 0 -> {
                        if (subnets.size() < 5) {
                            int n = subnets.size();
                            subnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + n + ".0/24")
                                    .availabilityZone("us-east-1b")).subnet().subnetId());
                        }
                    }
                    case 1 -> {
                        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(subnet)).networkInterface();
                        enis.put(eni.networkInterfaceId(), eni.privateIpAddress());
                    }
                    case 2 -> {
                        if (!enis.isEmpty()) {
                            String id = new ArrayList<>(enis.keySet()).get(random.nextInt(enis.size()));
                            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(id));
                            enis.remove(id);
                        }
                    }
                    case 3 -> ecs.runTask(r -> r.cluster("c").taskDefinition("app").launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks()
                            .forEach(t -> taskIps.put(t.taskArn(), ""));
                    case 4 -> {
                        List<String> live = ecs.listTasks(r -> r.cluster("c").desiredStatus(DesiredStatus.RUNNING)).taskArns();
                        if (!live.isEmpty()) {
                            ecs.stopTask(r -> r.cluster("c").task(live.get(random.nextInt(live.size()))));
                        }
                    }
                    default -> first.server().engine().advance(Duration.ofMillis(random.nextInt(3000)));
                }
            }
            describeTasks(ecs, taskIps.keySet()).forEach(t -> taskIps.put(t.taskArn(), ipOf(t)));
            before = describe(ec2, ecs, taskIps.keySet());
        }
        Instant killedAt = first.clock().now();
        first.crash();
        tearTheTail(random);

        Running second = Running.start(dir, killedAt, snapshotEvery);
        try (Ec2Client ec2 = StateFixture.client(second.server(), Ec2Client.builder(), "test");
             EcsClient ecs = StateFixture.client(second.server(), EcsClient.builder(), "test")) {
            assertThat(second.journal().opened().tornBytes()).isPositive();
            List<NetworkInterface> all = ec2.describeNetworkInterfaces().networkInterfaces();
            Map<String, String> restored = new HashMap<>();
            all.forEach(e -> restored.put(e.networkInterfaceId(), e.privateIpAddress()));
            assertThat(restored).containsAllEntriesOf(enis);
            for (Subnet s : ec2.describeSubnets().subnets()) {
                long used = all.stream().filter(e -> e.subnetId().equals(s.subnetId())).mapToLong(e -> e.privateIpAddresses().size()).sum();
                int size = 1 << (32 - Integer.parseInt(s.cidrBlock().substring(s.cidrBlock().indexOf('/') + 1)));
                // AWS keeps the first four addresses and the last of every subnet
                assertThat(s.availableIpAddressCount()).as(s.subnetId()).isEqualTo((int) (size - 5 - used));
            }
            List<Task> tasks = describeTasks(ecs, taskIps.keySet());
            assertThat(tasks).extracting(Task::taskArn).containsExactlyInAnyOrderElementsOf(taskIps.keySet());
            for (Task t : tasks) {
                assertThat(ipOf(t)).as(t.taskArn()).isEqualTo(taskIps.get(t.taskArn()));
                if (!ipOf(t).isEmpty() && !t.lastStatus().equals("STOPPED")) {
                    assertThat(restored).as("the ENI of " + t.taskArn()).containsValue(ipOf(t));
                }
            }
            assertThat(describe(ec2, ecs, taskIps.keySet())).isEqualTo(before);
        } finally {
            second.server().close();
            second.journal().close();
        }
    }

    @org.junit.jupiter.api.Test
    void pendingLifecycleStepsRunAtOnceWhenTheRestartedClockIsPastTheirDueTime() {
        Running first = Running.start(dir, START);
        String task;
        try (Ec2Client ec2 = StateFixture.client(first.server(), Ec2Client.builder(), "test");
             EcsClient ecs = StateFixture.client(first.server(), EcsClient.builder(), "test")) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24")).subnet().subnetId();
            ecs.createCluster(r -> r.clusterName("c"));
            ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
            task = ecs.runTask(r -> r.cluster("c").taskDefinition("app").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0).taskArn();
            assertThat(describeTasks(ecs, List.of(task)).get(0).lastStatus()).isEqualTo("PROVISIONING");
        }
        first.crash();

        // the server was down for ten minutes: its timers are due, and run before anything else is answered
        Running second = Running.start(dir, START.plus(Duration.ofMinutes(10)));
        try (EcsClient ecs = StateFixture.client(second.server(), EcsClient.builder(), "test")) {
            Task t = describeTasks(ecs, List.of(task)).get(0);
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.startedAt()).isBefore(START.plus(Duration.ofMinutes(1)));
        } finally {
            second.server().close();
            second.journal().close();
        }
    }

    /**
     * A write cut short: a random prefix of one more frame (a copy of the last one written, which may be in an earlier
     * journal when a snapshot has just started a new, empty one) that was never acknowledged.
     */
    private void tearTheTail(Random random) throws IOException {
        List<Path> journals;
        try (var files = Files.list(dir)) {
            journals = files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
        }
        Path journal = journals.get(journals.size() - 1);
        byte[] bytes = null;
        int last = 0;
        for (int j = journals.size() - 1; j >= 0 && bytes == null; j--) {
            byte[] candidate = Files.readAllBytes(journals.get(j));
            int at = 16;
            while (at < candidate.length) {
                last = at;
                at += 12 + ByteBuffer.wrap(candidate, at, 4).getInt();
            }
            if (candidate.length > 16) {
                bytes = candidate;
            }
        }
        if (bytes == null) {
            // the snapshot took every record with it: a frame of its own, as the journal would write one
            byte[] payload = new byte[64];
            random.nextBytes(payload);
            bytes = ByteBuffer.allocate(12 + payload.length).putInt(payload.length).putInt(~payload.length).putInt(0).put(payload).array();
            last = 0;
        }
        int frame = bytes.length - last;
        int keep = 1 + random.nextInt(frame - 1);
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(bytes, last, keep));
        }
    }

    private static List<Task> describeTasks(EcsClient ecs, java.util.Collection<String> arns) {
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster("c").tasks(arns)).tasks();
    }

    private static String ipOf(Task t) {
        return t.containers().isEmpty() || t.containers().get(0).networkInterfaces().isEmpty() ? ""
                : t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
    }

    private static String describe(Ec2Client ec2, EcsClient ecs, java.util.Collection<String> tasks) {
        return ec2.describeVpcs() + "\n" + ec2.describeSubnets() + "\n" + ec2.describeNetworkInterfaces() + "\n" + describeTasks(ecs, tasks);
    }
}
