package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimerQueue;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Network + EC2 instances + ECS of one region with a hand-driven clock, and a VPC with a subnet per zone a and b. */
final class Ec2World {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final TimerQueue timers = new TimerQueue(() -> now);
    final Network network;
    final Instances instances;
    final Ecs ecs;
    final String subnetA;
    final String subnetB;

    Ec2World(long seed) {
        IdSource ids = new IdSource(seed);
        network = new Network("000000000000", "us-east-1", ids, () -> now);
        instances = new Instances(network, ids, () -> now, timers.timers(), TimingProfile.FAST);
        ecs = new Ecs(new AccountRegion("000000000000", "us-east-1"), ids, () -> now, timers.timers(), TimingProfile.FAST, network,
                new dev.ecsnet.domain.logs.Logs(new AccountRegion("000000000000", "us-east-1"), () -> now), EgressPolicy.IGNORE, instances);
        String vpc = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        subnetA = network.createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        subnetB = network.createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
        ecs.createCluster(Optional.of("c"));
    }

    void settle() {
        Instant target = now.plus(Duration.ofMinutes(5));
        timers.runUntil(target, due -> now = due);
        now = target;
    }

    Instance launch(String type, String subnet) {
        String image = Images.all().stream().filter(i -> i.architecture().equals(
                dev.ecsnet.domain.ec2.InstanceTypes.find(type).orElseThrow().architecture())).findFirst().orElseThrow().imageId();
        Instance i = instances.run(new Instances.Launch(image, type, 1, 1, subnet, List.of(), "ECS_CLUSTER=c", null, null, null,
                Map.of())).get(0);
        settle();
        return i;
    }

    ContainerInstance containerInstance(Instance i) {
        return ecs.containerInstances().forInstance(i.id()).orElseThrow();
    }

    /** Registers an EC2 task definition; ports are host ports (bridge/host) or container ports (awsvpc); 0 = dynamic. */
    String taskDefinition(String family, String mode, int cpu, int memory, List<Integer> ports) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "app");
        container.put("image", "nginx");
        container.put("cpu", cpu);
        container.put("memory", memory);
        List<Object> mappings = new ArrayList<>();
        for (int p : ports) {
            Map<String, Object> pm = new LinkedHashMap<>();
            if (mode.equals("bridge")) {
                pm.put("containerPort", 80);
                pm.put("hostPort", p);
            } else {
                pm.put("containerPort", p == 0 ? 8080 : p);
            }
            mappings.add(pm);
        }
        container.put("portMappings", mappings);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("family", family);
        doc.put("networkMode", mode);
        doc.put("containerDefinitions", new ArrayList<>(List.of(container)));
        return ecs.taskDefinitions().register(doc, Map.of()).arn();
    }

    LaunchResult run(String td, String mode, int count, Ec2Options options) {
        Optional<TaskLaunch.AwsvpcConfiguration> net = mode.equals("awsvpc")
                ? Optional.of(new TaskLaunch.AwsvpcConfiguration(List.of(subnetA, subnetB), List.of(), Optional.empty()))
                : Optional.empty();
        return ecs.launch(new TaskLaunch(Optional.of("c"), td, count, Optional.of("EC2"), List.of(), net, Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), false), options);
    }
}
