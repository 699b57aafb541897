package dev.ecsnet.domain.ecs.placement;

import dev.ecsnet.domain.common.RandomStream;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementTest {
    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:container-instance/c/";

    private static Host host(String id, String zone, String type, int cpu, int memory, int enis, Map<String, Integer> groups) {
        return new Host(ARN + id, "i-" + id, zone, "vpc-1", Map.of("ecs.instance-type", type, "ecs.availability-zone", zone,
                "ecs.capability.task-eni", ""), cpu, memory, enis, Set.of(22), Set.of(), groups);
    }

    private static PlacementRequest request(TaskNeeds needs, List<PlacementRequest.Strategy> strategies, PlacementRequest.Constraint... constraints) {
        return new PlacementRequest(needs, "family:x", Set.of(), Optional.empty(), List.of(constraints), strategies);
    }

    private static TaskNeeds needs(String mode, int cpu, int memory, Set<Integer> ports) {
        return new TaskNeeds(mode, cpu, memory, ports, Set.of(), 0, 0, List.of());
    }

    @Test
    void theClosestMatchingHostIsTheOneThatPassedTheMostChecks() {
        Host noCpu = host("a", "us-east-1a", "t3.medium", 0, 4000, 2, Map.of());
        Host noEni = host("b", "us-east-1a", "t3.medium", 2048, 4000, 0, Map.of());
        Placement.Decision d = Placement.decide(request(needs("awsvpc", 256, 512, Set.of()), List.of()), List.of(noCpu, noEni), new RandomStream(1));
        assertThat(d.chosen()).isEmpty();
        assertThat(d.rejections()).extracting(Placement.Rejection::reason).containsExactly("RESOURCE:CPU", "RESOURCE:ENI");
        assertThat(d.closest().orElseThrow().host()).isEqualTo(noEni);
        assertThat(PlacementEvents.unableToPlace("web", d)).isEqualTo("(service web) was unable to place a task because no container "
                + "instance met all of its requirements. The closest matching (container-instance b) encountered error \"RESOURCE:ENI\". "
                + "For more information, see the Troubleshooting section.");
    }

    @Test
    void eventTextsFollowAwsWording() {
        assertThat(PlacementEvents.unableToPlace("s", "abc", Checks.CPU)).endsWith("The closest matching (container-instance abc) "
                + "has insufficient CPU units available. For more information, see the Troubleshooting section.");
        assertThat(PlacementEvents.unableToPlace("s", "abc", Checks.MEMORY)).contains("has insufficient memory available.");
        assertThat(PlacementEvents.unableToPlace("s", "abc", Checks.PORTS)).contains("is already using a port required by your task.");
        assertThat(PlacementEvents.unableToPlace("s", "abc", Checks.ATTRIBUTE)).contains("is missing an attribute required by your task.");
        assertThat(PlacementEvents.unableToPlace("s", new Placement.Decision(Optional.empty(), List.of())))
                .isEqualTo("(service s) was unable to place a task. Reason: No Container Instances were found in your cluster. "
                        + "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    }

    @Test
    void binpackPrefersTheFullestHostAndSpreadTheLeastUsedValue() {
        Host roomy = host("a", "us-east-1a", "m5.large", 2048, 8000, 2, Map.of());
        Host tight = host("b", "us-east-1b", "m5.large", 512, 1000, 2, Map.of("family:x", 1));
        TaskNeeds n = needs("bridge", 128, 128, Set.of());
        assertThat(Placement.decide(request(n, List.of(new PlacementRequest.Strategy("binpack", Optional.of("memory")))),
                List.of(roomy, tight), new RandomStream(1)).chosen()).contains(tight);
        assertThat(Placement.decide(request(n, List.of(new PlacementRequest.Strategy("spread", Optional.of("attribute:ecs.availability-zone")))),
                List.of(tight, roomy), new RandomStream(1)).chosen()).contains(roomy);
        assertThat(Placement.decide(request(n, List.of(new PlacementRequest.Strategy("spread", Optional.of("instanceId")))),
                List.of(tight, roomy), new RandomStream(1)).chosen()).contains(roomy);
    }

    @Test
    void expressionsOfTheClusterQueryLanguage() {
        Host h = host("a", "us-east-1a", "t3.medium", 1, 1, 1, Map.of());
        assertThat(Expression.parse("attribute:ecs.instance-type == t3.medium").matches(h)).isTrue();
        assertThat(Expression.parse("attribute:ecs.instance-type != t3.medium").matches(h)).isFalse();
        assertThat(Expression.parse("attribute:ecs.instance-type =~ t3.*").matches(h)).isTrue();
        assertThat(Expression.parse("attribute:ecs.instance-type !~ t3.*").matches(h)).isFalse();
        assertThat(Expression.parse("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]").matches(h)).isTrue();
        assertThat(Expression.parse("attribute:ecs.availability-zone not_in [us-east-1a]").matches(h)).isFalse();
        assertThat(Expression.parse("attribute:ecs.capability.task-eni exists").matches(h)).isTrue();
        assertThat(Expression.parse("attribute:stack !exists and ec2InstanceId == i-a").matches(h)).isTrue();
        assertThat(Expression.parse("(attribute:ecs.instance-type == c5.large or attribute:ecs.instance-type == t3.medium) "
                + "and attribute:ecs.availability-zone == us-east-1a").matches(h)).isTrue();
        assertThatThrownBy(() -> Expression.parse("attribute:x ==")).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> Expression.parse("colour == red")).hasMessageContaining("is not valid");
    }

    @Test
    void taskNeedsFollowTheNetworkMode() {
        Map<String, Object> container = Map.of("name", "app", "cpu", 100, "memoryReservation", 300,
                "portMappings", List.of(Map.of("containerPort", 80, "hostPort", 8080), Map.of("containerPort", 81),
                        Map.of("containerPort", 53, "protocol", "udp", "hostPort", 53)));
        TaskNeeds bridge = TaskNeeds.of(Map.of("networkMode", "bridge", "containerDefinitions", List.of(container)), List.of());
        assertThat(bridge.cpu()).isEqualTo(100);
        assertThat(bridge.memory()).isEqualTo(300);
        assertThat(bridge.tcpPorts()).containsExactly(8080);
        assertThat(bridge.udpPorts()).containsExactly(53);
        assertThat(bridge.dynamicTcpPorts()).isEqualTo(1);
        TaskNeeds host = TaskNeeds.of(Map.of("networkMode", "host", "containerDefinitions", List.of(container)), List.of());
        assertThat(host.tcpPorts()).containsExactlyInAnyOrder(80, 81);
        TaskNeeds awsvpc = TaskNeeds.of(Map.of("networkMode", "awsvpc", "cpu", "512", "memory", "1024",
                "containerDefinitions", List.of(container)), List.of());
        assertThat(awsvpc.tcpPorts()).isEmpty();
        assertThat(awsvpc.needsEni()).isTrue();
        assertThat(awsvpc.cpu()).isEqualTo(512);
        assertThat(awsvpc.memory()).isEqualTo(1024);
    }
}
