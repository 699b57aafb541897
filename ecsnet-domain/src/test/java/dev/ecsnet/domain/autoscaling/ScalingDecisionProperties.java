package dev.ecsnet.domain.autoscaling;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaling decision against arbitrary groups and members: it never launches past the group's maximum, never
 * terminates below its minimum, never picks a protected instance, closes exactly the gap it can, and a group that
 * only ever scaled through it keeps its zones within one instance of each other.
 */
class ScalingDecisionProperties {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<String> POLICIES = List.of("Default", "OldestInstance", "NewestInstance", "OldestLaunchTemplate",
            "ClosestToNextInstanceHour", "AllocationStrategy", "OldestLaunchConfiguration");

    @Provide
    Arbitrary<List<String>> policies() {
        return Arbitraries.of(POLICIES).list().ofMinSize(1).ofMaxSize(3);
    }

    private static List<ScalingDecision.Zone> zones(int count, int subnetsPerZone) {
        List<ScalingDecision.Zone> zones = new ArrayList<>();
        for (int z = 0; z < count; z++) {
            List<String> subnets = new ArrayList<>();
            for (int s = 0; s < subnetsPerZone; s++) {
                subnets.add("subnet-" + z + "-" + s);
            }
            zones.add(new ScalingDecision.Zone("zone-" + (char) ('a' + z), subnets));
        }
        return zones;
    }

    private static List<ScalingDecision.Member> members(List<ScalingDecision.Zone> zones, int count, Random random, double protectedShare) {
        List<ScalingDecision.Member> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ScalingDecision.Zone z = zones.get(random.nextInt(zones.size()));
            String subnet = z.subnetIds().get(random.nextInt(z.subnetIds().size()));
            out.add(new ScalingDecision.Member("i-" + i, z.name(), subnet, random.nextDouble() < protectedShare,
                    NOW.minusSeconds(random.nextInt(20_000)), 1 + random.nextInt(3)));
        }
        return out;
    }

    @Property(tries = 500)
    void aPlanKeepsTheGroupWithinItsBoundsAndNeverTouchesProtectedInstances(
            @ForAll @IntRange(min = 0, max = 8) int min, @ForAll @IntRange(min = 0, max = 8) int extra, @ForAll @IntRange(min = 0, max = 16) int desiredSeed,
            @ForAll @IntRange(min = 0, max = 20) int memberCount, @ForAll @IntRange(min = 1, max = 4) int zoneCount,
            @ForAll @IntRange(min = 1, max = 3) int subnetsPerZone, @ForAll("policies") List<String> policies, @ForAll long seed) {
        int max = min + extra;
        int desired = min + desiredSeed % (extra + 1);
        Random random = new Random(seed);
        List<ScalingDecision.Zone> zones = zones(zoneCount, subnetsPerZone);
        List<ScalingDecision.Member> members = members(zones, memberCount, random, 0.3);
        ScalingDecision.Plan plan = ScalingDecision.compute(new ScalingDecision.Group(min, max, desired, zones, policies, 2), members, NOW);

        int after = members.size() - plan.terminations().size() + plan.launchSubnets().size();
        if (members.size() <= max) {
            assertThat(after).as("never more than max").isLessThanOrEqualTo(max);
        }
        if (members.size() >= min) {
            assertThat(after).as("never below min").isGreaterThanOrEqualTo(min);
        }
        List<String> protectedIds = members.stream().filter(ScalingDecision.Member::protectedFromScaleIn).map(ScalingDecision.Member::instanceId).toList();
        assertThat(plan.terminations()).as("never a protected instance").noneMatch(protectedIds::contains).doesNotHaveDuplicates();
        assertThat(plan.launchSubnets().isEmpty() || plan.terminations().isEmpty()).as("launches or terminations, never both").isTrue();
        long unprotected = members.size() - protectedIds.size();
        assertThat(plan.launchSubnets()).hasSize(Math.max(0, desired - members.size()));
        assertThat(plan.terminations()).hasSize((int) Math.min(Math.max(0, members.size() - desired), unprotected));
        List<String> allSubnets = zones.stream().flatMap(z -> z.subnetIds().stream()).toList();
        assertThat(allSubnets).containsAll(plan.launchSubnets());
    }

    @Property(tries = 300)
    void aGroupScaledOnlyByTheDecisionStaysBalancedAcrossZones(@ForAll @IntRange(min = 1, max = 5) int zoneCount,
                                                               @ForAll @IntRange(min = 1, max = 3) int subnetsPerZone,
                                                               @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 15) Integer> desiredSteps,
                                                               @ForAll("policies") List<String> policies) {
        List<ScalingDecision.Zone> zones = zones(zoneCount, subnetsPerZone);
        List<ScalingDecision.Member> members = new ArrayList<>();
        Instant now = NOW;
        int next = 0;
        for (int desired : desiredSteps) {
            ScalingDecision.Plan plan = ScalingDecision.compute(new ScalingDecision.Group(0, 15, desired, zones, policies, 1), members, now);
            members.removeIf(m -> plan.terminations().contains(m.instanceId()));
            for (String subnet : plan.launchSubnets()) {
                String zone = zones.stream().filter(z -> z.subnetIds().contains(subnet)).findFirst().orElseThrow().name();
                members.add(new ScalingDecision.Member("i-" + next++, zone, subnet, false, now, 1));
            }
            assertThat(members).hasSize(desired);
            Map<String, Integer> perZone = new HashMap<>();
            zones.forEach(z -> perZone.put(z.name(), 0));
            members.forEach(m -> perZone.merge(m.zone(), 1, Integer::sum));
            int most = perZone.values().stream().max(Integer::compare).orElse(0);
            int fewest = perZone.values().stream().min(Integer::compare).orElse(0);
            assertThat(most - fewest).as("zones within one of each other: " + perZone).isLessThanOrEqualTo(1);
            now = now.plusSeconds(600);
        }
    }
}
