package dev.ecsnet.domain.autoscaling;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the decision launches and which instance it terminates, policy by policy. */
class ScalingDecisionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<ScalingDecision.Zone> ZONES = List.of(
            new ScalingDecision.Zone("us-east-1a", List.of("subnet-a1", "subnet-a2")),
            new ScalingDecision.Zone("us-east-1b", List.of("subnet-b1")),
            new ScalingDecision.Zone("us-east-1c", List.of("subnet-c1")));

    private static ScalingDecision.Member member(String id, String zone, String subnet, long minutesAgo, long version, boolean protect) {
        return new ScalingDecision.Member(id, zone, subnet, protect, NOW.minusSeconds(minutesAgo * 60), version);
    }

    private static ScalingDecision.Plan plan(int desired, List<String> policies, long currentVersion, List<ScalingDecision.Member> members) {
        return ScalingDecision.compute(new ScalingDecision.Group(0, 10, desired, ZONES, policies, currentVersion), members, NOW);
    }

    @Test
    void launchesFillTheEmptiestZonesInOrderAndTheirEmptiestSubnets() {
        assertThat(plan(5, List.of("Default"), 1, List.of()).launchSubnets())
                .containsExactly("subnet-a1", "subnet-b1", "subnet-c1", "subnet-a2", "subnet-b1");
        List<ScalingDecision.Member> twoInA = List.of(member("i-1", "us-east-1a", "subnet-a1", 5, 1, false),
                member("i-2", "us-east-1a", "subnet-a2", 5, 1, false));
        assertThat(plan(4, List.of("Default"), 1, twoInA).launchSubnets()).containsExactly("subnet-b1", "subnet-c1");
    }

    @Test
    void scaleInTakesFromTheFullestZoneFirst() {
        List<ScalingDecision.Member> members = List.of(member("i-a1", "us-east-1a", "subnet-a1", 5, 1, false),
                member("i-a2", "us-east-1a", "subnet-a2", 50, 1, false), member("i-b", "us-east-1b", "subnet-b1", 500, 1, false));
        assertThat(plan(2, List.of("Default"), 1, members).terminations()).singleElement().satisfies(id -> assertThat(id).startsWith("i-a"));
    }

    @Test
    void defaultPrefersAnOlderTemplateVersionThenTheInstanceClosestToItsNextHour() {
        List<ScalingDecision.Member> members = List.of(member("i-new", "us-east-1a", "subnet-a1", 50, 2, false),
                member("i-old", "us-east-1a", "subnet-a1", 10, 1, false));
        assertThat(plan(1, List.of("Default"), 2, members).terminations()).containsExactly("i-old");
        List<ScalingDecision.Member> sameVersion = List.of(member("i-10min", "us-east-1a", "subnet-a1", 10, 2, false),
                member("i-55min", "us-east-1a", "subnet-a1", 55, 2, false));
        assertThat(plan(1, List.of("Default"), 2, sameVersion).terminations()).containsExactly("i-55min");
    }

    @Test
    void oldestAndNewestInstancePolicies() {
        List<ScalingDecision.Member> members = List.of(member("i-young", "us-east-1a", "subnet-a1", 1, 1, false),
                member("i-aged", "us-east-1a", "subnet-a1", 300, 1, false));
        assertThat(plan(1, List.of("OldestInstance"), 1, members).terminations()).containsExactly("i-aged");
        assertThat(plan(1, List.of("NewestInstance"), 1, members).terminations()).containsExactly("i-young");
    }

    @Test
    void protectedInstancesStayEvenWhenTheGroupIsAboveItsDesiredCapacity() {
        List<ScalingDecision.Member> members = List.of(member("i-1", "us-east-1a", "subnet-a1", 5, 1, true),
                member("i-2", "us-east-1b", "subnet-b1", 5, 1, true), member("i-3", "us-east-1c", "subnet-c1", 5, 1, false));
        assertThat(plan(0, List.of("Default"), 1, members).terminations()).containsExactly("i-3");
    }
}
