package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N SDK clients at once run, stop and describe tasks and create and delete ENIs in small subnets, while the test
 * thread moves the manual clock (every 25 completed calls, 250 ms), so tasks change state under the load; then
 * the clock settles and the address invariants must hold. Throttling from the bounded engine queue is allowed (and
 * counted); every other 5xx fails. {@code -Decsnet.concurrency.seconds=N} and {@code -Decsnet.concurrency.clients=N}
 * for a longer or wider run.
 */
class ConcurrencyInvariantsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final int SECONDS = Integer.getInteger("ecsnet.concurrency.seconds", 15);
    private static final int CLIENTS = Integer.getInteger("ecsnet.concurrency.clients", 8);

    private final CallTally tally = new CallTally();
    private final List<String> brokenSnapshots = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> tasks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> enis = new ConcurrentLinkedQueue<>();

    @Test
    void concurrentClientsNeverBreakTheAddressInvariants() throws Exception {
        NetFixture net = new NetFixture(ecsnet.ec2());
        String vpc = net.vpc("10.0.0.0/16");
        List<String> subnets = List.of(net.subnet(vpc, "10.0.1.0/26", "us-east-1a"), net.subnet(vpc, "10.0.2.0/27", "us-east-1b"),
                net.subnet(vpc, "10.0.3.0/28", "us-east-1c"));
        ecsnet.ecs().createCluster(r -> r.clusterName("load"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("load").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            long seed = i;
            workers.add(pool.submit(() -> work(new Random(seed), subnets, running)));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int advances = 0;
        while (System.nanoTime() < end) {
            if (tally.completed.tryAcquire(25, 1, TimeUnit.SECONDS)) {
                ecsnet.advance(Duration.ofMillis(250));
                advances++;
            }
        }
        running.set(false);
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        ecsnet.settle();

        int calls = tally.calls();
        System.out.println("ConcurrencyInvariantsIT: " + CLIENTS + " clients, " + calls + " calls in " + SECONDS + " s, " + advances
                + " clock advances; outcomes " + new java.util.TreeMap<>(tally.outcomes));
        assertThat(tally.serverErrors).as("5xx other than throttling").isEmpty();
        assertThat(brokenSnapshots).as("invariants broken in a describe taken under load").isEmpty();
        assertThat(calls).as("the clients got answers").isGreaterThan(CLIENTS * 10);
        assertThat(tally.outcomes.get("RunTask ok")).as("tasks were started").isNotNull();
        assertSettledInvariants();
    }

    /** One client: random calls until told to stop; every answer is counted, 5xx kept. */
    private void work(Random random, List<String> subnets, AtomicBoolean running) {
        try (Ec2Client ec2 = ecsnet.configure(Ec2Client.builder()).build(); EcsClient ecs = ecsnet.configure(EcsClient.builder()).build()) {
            while (running.get()) {
                String subnet = subnets.get(random.nextInt(subnets.size()));
                int pick = random.nextInt(100);
                if (pick < 30) {
                    call("RunTask", () -> ecs.runTask(r -> r.cluster("load").taskDefinition("load").launchType(LaunchType.FARGATE)
                            .count(1 + random.nextInt(3)).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))))
                            .tasks().forEach(t -> tasks.add(t.taskArn())));
                } else if (pick < 45) {
                    String task = tasks.poll();
                    if (task != null) {
                        call("StopTask", () -> ecs.stopTask(r -> r.cluster("load").task(task)));
                    }
                } else if (pick < 60) {
                    call("CreateNetworkInterface", () -> enis.add(ec2.createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId()));
                } else if (pick < 70) {
                    String eni = enis.poll();
                    if (eni != null) {
                        call("DeleteNetworkInterface", () -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni)));
                    }
                } else if (pick < 85) {
                    call("DescribeNetworkInterfaces", () -> checkSnapshot(ec2.describeNetworkInterfaces().networkInterfaces(),
                            ec2.describeSubnets(r -> r.subnetIds(subnets)).subnets()));
                } else if (pick < 93) {
                    call("DescribeSubnets", () -> ec2.describeSubnets(r -> r.subnetIds(subnet)));
                } else {
                    call("ListTasks", () -> ecs.listTasks(r -> r.cluster("load")));
                }
            }
        }
    }

    private void call(String operation, Runnable call) {
        tally.call(operation, call);
    }

    /** What one describe shows at one instant: no address twice, every address inside its subnet and not reserved. */
    private void checkSnapshot(List<NetworkInterface> interfaces, List<Subnet> subnets) {
        Map<String, String> cidrs = subnets.stream().collect(Collectors.toMap(Subnet::subnetId, Subnet::cidrBlock));
        Set<String> seen = new HashSet<>();
        for (NetworkInterface eni : interfaces) {
            if (!seen.add(eni.privateIpAddress())) {
                brokenSnapshots.add("address " + eni.privateIpAddress() + " twice");
            }
            String cidr = cidrs.get(eni.subnetId());
            if (cidr != null && !usable(cidr, eni.privateIpAddress())) {
                brokenSnapshots.add(eni.privateIpAddress() + " of " + eni.networkInterfaceId() + " is not a usable address of " + cidr);
            }
        }
    }

    private static void assertSettledInvariants() {
        List<NetworkInterface> interfaces = ecsnet.ec2().describeNetworkInterfacesPaginator(r -> { }).networkInterfaces().stream().toList();
        List<Subnet> subnets = ecsnet.ec2().describeSubnets().subnets();
        Map<String, String> cidrs = subnets.stream().collect(Collectors.toMap(Subnet::subnetId, Subnet::cidrBlock));

        assertThat(interfaces.stream().map(NetworkInterface::privateIpAddress)).as("no address used twice").doesNotHaveDuplicates();
        for (NetworkInterface eni : interfaces) {
            assertThat(usable(cidrs.get(eni.subnetId()), eni.privateIpAddress()))
                    .as("%s of %s is a usable address of %s", eni.privateIpAddress(), eni.networkInterfaceId(), cidrs.get(eni.subnetId())).isTrue();
        }
        Map<String, Long> perSubnet = interfaces.stream().collect(Collectors.groupingBy(NetworkInterface::subnetId, Collectors.counting()));
        for (Subnet s : subnets) {
            int size = 1 << (32 - Integer.parseInt(s.cidrBlock().split("/")[1]));
            assertThat(s.availableIpAddressCount()).as("AvailableIpAddressCount of %s (%s)", s.subnetId(), s.cidrBlock())
                    .isEqualTo(size - 5 - perSubnet.getOrDefault(s.subnetId(), 0L).intValue());
        }

        Map<String, NetworkInterface> byId = new HashMap<>();
        interfaces.forEach(e -> byId.put(e.networkInterfaceId(), e));
        List<Task> all = new ArrayList<>();
        for (DesiredStatus status : new DesiredStatus[] {DesiredStatus.RUNNING, DesiredStatus.STOPPED}) {
            List<String> arns = ecsnet.ecs().listTasksPaginator(r -> r.cluster("load").desiredStatus(status)).taskArns().stream().toList();
            for (int i = 0; i < arns.size(); i += 100) {
                List<String> page = arns.subList(i, Math.min(arns.size(), i + 100));
                all.addAll(ecsnet.ecs().describeTasks(r -> r.cluster("load").tasks(page)).tasks());
            }
        }
        assertThat(all).as("tasks ran").isNotEmpty();
        Map<String, String> taskOfEni = new HashMap<>();
        for (Task t : all) {
            assertThat(t.lastStatus()).as("settled task %s", t.taskArn()).isIn("RUNNING", "STOPPED");
            String eni = detail(t, "networkInterfaceId");
            if (t.lastStatus().equals("RUNNING")) {
                assertThat(eni).as("RUNNING task %s has an ENI", t.taskArn()).isNotNull();
                assertThat(byId).as("the ENI of RUNNING task %s is live", t.taskArn()).containsKey(eni);
                assertThat(byId.get(eni).privateIpAddress()).isEqualTo(detail(t, "privateIPv4Address"));
                assertThat(taskOfEni.put(eni, t.taskArn())).as("ENI %s belongs to one task", eni).isNull();
            } else if (eni != null) {
                assertThat(byId).as("the ENI of STOPPED task %s is gone", t.taskArn()).doesNotContainKey(eni);
            }
        }
    }

    private static String detail(Task t, String name) {
        return t.attachments().stream().flatMap(a -> a.details().stream()).filter(d -> d.name().equals(name))
                .map(KeyValuePair::value).findFirst().orElse(null);
    }

    /** Inside {@code cidr} and not one of AWS's five reserved addresses (network, +1, +2, +3, broadcast). */
    static boolean usable(String cidr, String ip) {
        int prefix = Integer.parseInt(cidr.split("/")[1]);
        long base = ipv4(cidr.split("/")[0]);
        long size = 1L << (32 - prefix);
        long offset = ipv4(ip) - base;
        return offset > 3 && offset < size - 1;
    }

    private static long ipv4(String text) {
        long value = 0;
        for (String octet : text.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }
}
