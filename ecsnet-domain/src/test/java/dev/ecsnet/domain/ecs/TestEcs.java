package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimerQueue;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An Ecs + Network of one region with a hand-driven clock and scheduler (no engine, no HTTP). */
final class TestEcs {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final TimerQueue timers = new TimerQueue(() -> now);
    final Network network;
    final Ecs ecs;

    TestEcs() {
        IdSource ids = new IdSource(7);
        network = new Network("000000000000", "us-east-1", ids, () -> now);
        ecs = new Ecs(new AccountRegion("000000000000", "us-east-1"), ids, () -> now, timers.timers(), TimingProfile.FAST, network);
    }

    void advance(Duration d) {
        Instant target = now.plus(d);
        timers.runUntil(target, due -> now = due);
        now = target;
    }

    void settle() {
        advance(Duration.ofMinutes(5));
    }

    /** A fresh, mutable request document for a Fargate awsvpc definition with one container on port 8080. */
    static Map<String, Object> fargateDefinition(String family) {
        Map<String, Object> portMapping = new LinkedHashMap<>(Map.of("containerPort", 8080));
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", "nginx"));
        container.put("portMappings", new ArrayList<>(List.of(portMapping)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("family", family);
        doc.put("networkMode", "awsvpc");
        doc.put("requiresCompatibilities", List.of("FARGATE"));
        doc.put("cpu", "256");
        doc.put("memory", "512");
        doc.put("containerDefinitions", new ArrayList<>(List.of(container)));
        return doc;
    }

    List<Task> run(String subnet, int count) {
        return ecs.runTask(launch(List.of(subnet), List.of(), count));
    }

    static TaskLaunch launch(List<String> subnets, List<String> groups, int count) {
        return new TaskLaunch(Optional.of("web"), "web-app", count, Optional.of("FARGATE"), List.of(),
                Optional.of(new TaskLaunch.AwsvpcConfiguration(subnets, groups, Optional.empty())), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), false);
    }

    /** A VPC with one subnet of the given prefix in us-east-1a; returns the subnet id. */
    String subnet(String cidr) {
        String vpc = network.vpcs().stream().filter(v -> !v.isDefault()).findFirst()
                .orElseGet(() -> network.createVpc("10.0.0.0/16", null, Map.of())).id();
        return network.createSubnet(vpc, cidr, "us-east-1a", null, Map.of()).id();
    }
}
