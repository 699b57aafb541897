package dev.ecsnet.domain.autoscaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scaling decision of one group, a pure function from desired and actual capacity to the instances to launch
 * (a subnet each) and to terminate. Launches go to the zone with the fewest instances (ties: the zone listed
 * first), and in it to the subnet with the fewest (ties: the subnet listed first). Terminations take, one at a time,
 * from the zone with the most instances that has an unprotected one (ties: under the Default policy the zone with
 * the oldest template version, then the zone listed last), then narrow the
 * candidates by the termination policies in order and end with the oldest launch (then the lowest id), so the
 * choice is deterministic where AWS picks at random. Protected instances are never chosen.
 */
public final class ScalingDecision {
    public static final String DEFAULT = "Default";
    public static final Set<String> POLICIES = Set.of(DEFAULT, "OldestInstance", "NewestInstance", "OldestLaunchConfiguration",
            "OldestLaunchTemplate", "ClosestToNextInstanceHour", "AllocationStrategy");

    /** A zone of the group and its subnets, in the order the group lists them. */
    public record Zone(String name, List<String> subnetIds) {
        public Zone {
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /** What the decision needs of an instance that counts toward capacity (Pending or InService). */
    public record Member(String instanceId, String zone, String subnetId, boolean protectedFromScaleIn, Instant launchTime,
                         long templateVersion) {
    }

    /** {@code currentTemplateVersion}: the version the group launches from now (an older one is "older template"). */
    public record Group(int min, int max, int desired, List<Zone> zones, List<String> terminationPolicies, long currentTemplateVersion) {
        public Group {
            zones = List.copyOf(zones);
            terminationPolicies = List.copyOf(terminationPolicies);
        }
    }

    /** One subnet per instance to launch, and the instances to terminate, in the order to act. */
    public record Plan(List<String> launchSubnets, List<String> terminations) {
        public Plan {
            launchSubnets = List.copyOf(launchSubnets);
            terminations = List.copyOf(terminations);
        }

        public boolean isEmpty() {
            return launchSubnets.isEmpty() && terminations.isEmpty();
        }
    }

    private ScalingDecision() {
    }

    public static Plan compute(Group group, List<Member> members, Instant now) {
        int target = Math.max(group.min(), Math.min(group.max(), group.desired()));
        List<Member> placed = new ArrayList<>(members);
        List<String> launches = new ArrayList<>();
        for (int i = members.size(); i < target; i++) {
            String subnet = launchSubnet(group, placed);
            if (subnet == null) {
                break;
            }
            launches.add(subnet);
            placed.add(new Member("+" + i, zoneOf(group, subnet), subnet, false, now, group.currentTemplateVersion()));
        }
        List<Member> remaining = new ArrayList<>(members);
        List<String> terminations = new ArrayList<>();
        for (int n = members.size(); n > target; n--) {
            Member chosen = terminationCandidate(group, remaining, now);
            if (chosen == null) {
                break;
            }
            terminations.add(chosen.instanceId());
            remaining.remove(chosen);
        }
        return new Plan(launches, terminations);
    }

    /** The subnet the next instance goes to, or null when the group has no subnets. */
    static String launchSubnet(Group group, List<Member> members) {
        Map<String, Long> perZone = members.stream().collect(Collectors.groupingBy(Member::zone, Collectors.counting()));
        Map<String, Long> perSubnet = members.stream().collect(Collectors.groupingBy(Member::subnetId, Collectors.counting()));
        Zone best = null;
        for (Zone z : group.zones()) {
            if (!z.subnetIds().isEmpty() && (best == null || perZone.getOrDefault(z.name(), 0L) < perZone.getOrDefault(best.name(), 0L))) {
                best = z;
            }
        }
        if (best == null) {
            return null;
        }
        String subnet = best.subnetIds().get(0);
        for (String s : best.subnetIds()) {
            if (perSubnet.getOrDefault(s, 0L) < perSubnet.getOrDefault(subnet, 0L)) {
                subnet = s;
            }
        }
        return subnet;
    }

    /**
     * The next instance to terminate, or null when every remaining one is protected. Among zones equally full, the
     * Default policy takes the zone whose instances use the oldest template version (AWS's "Default termination
     * policy"); otherwise, and when that does not decide, the zone listed last.
     */
    static Member terminationCandidate(Group group, List<Member> members, Instant now) {
        Map<String, Long> perZone = members.stream().collect(Collectors.groupingBy(Member::zone, LinkedHashMap::new, Collectors.counting()));
        List<String> zoneOrder = new ArrayList<>(group.zones().stream().map(Zone::name).toList());
        perZone.keySet().stream().filter(z -> !zoneOrder.contains(z)).forEach(zoneOrder::add);
        List<String> unprotectedZones = zoneOrder.stream()
                .filter(z -> members.stream().anyMatch(m -> m.zone().equals(z) && !m.protectedFromScaleIn())).toList();
        if (unprotectedZones.isEmpty()) {
            return null;
        }
        long most = unprotectedZones.stream().mapToLong(z -> perZone.getOrDefault(z, 0L)).max().orElse(0);
        List<String> fullest = unprotectedZones.stream().filter(z -> perZone.getOrDefault(z, 0L) == most).toList();
        if (fullest.size() > 1 && group.terminationPolicies().contains(DEFAULT)) {
            long oldest = oldestOtherVersion(members, fullest, group.currentTemplateVersion());
            if (oldest != Long.MAX_VALUE) {
                fullest = fullest.stream().filter(z -> members.stream().anyMatch(m -> m.zone().equals(z) && !m.protectedFromScaleIn()
                        && m.templateVersion() == oldest)).toList();
            }
        }
        String chosenZone = fullest.get(fullest.size() - 1);
        List<Member> candidates = members.stream().filter(m -> m.zone().equals(chosenZone) && !m.protectedFromScaleIn()).toList();
        for (String policy : group.terminationPolicies()) {
            candidates = narrow(policy, candidates, group.currentTemplateVersion(), now);
        }
        return candidates.stream().min(Comparator.comparing(Member::launchTime).thenComparing(Member::instanceId)).orElse(null);
    }

    /** The lowest template version other than the current one among the unprotected instances of {@code zones}. */
    private static long oldestOtherVersion(List<Member> members, List<String> zones, long currentVersion) {
        return members.stream().filter(m -> zones.contains(m.zone()) && !m.protectedFromScaleIn() && m.templateVersion() != currentVersion)
                .mapToLong(Member::templateVersion).min().orElse(Long.MAX_VALUE);
    }

    private static List<Member> narrow(String policy, List<Member> candidates, long currentVersion, Instant now) {
        return switch (policy) {
            case DEFAULT -> narrow("ClosestToNextInstanceHour", narrow("OldestLaunchTemplate", candidates, currentVersion, now),
                    currentVersion, now);
            case "OldestInstance" -> extremes(candidates, m -> m.launchTime().toEpochMilli(), true);
            case "NewestInstance" -> extremes(candidates, m -> m.launchTime().toEpochMilli(), false);
            case "OldestLaunchTemplate" -> {
                List<Member> older = candidates.stream().filter(m -> m.templateVersion() != currentVersion).toList();
                yield older.isEmpty() ? candidates : extremes(older, Member::templateVersion, true);
            }
            case "ClosestToNextInstanceHour" -> extremes(candidates, m -> untilNextHour(m, now), true);
            // no launch configurations, one instance type: these policies do not tell instances apart here
            default -> candidates;
        };
    }

    private static long untilNextHour(Member m, Instant now) {
        long ran = Math.max(0, Duration.between(m.launchTime(), now).getSeconds());
        return 3600 - ran % 3600;
    }

    private static List<Member> extremes(List<Member> candidates, Function<Member, Long> key, boolean lowest) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        long best = candidates.stream().map(key).reduce(lowest ? Math::min : Math::max).orElseThrow();
        return candidates.stream().filter(m -> key.apply(m) == best).toList();
    }

    private static String zoneOf(Group group, String subnet) {
        return group.zones().stream().filter(z -> z.subnetIds().contains(subnet)).map(Zone::name).findFirst().orElse("");
    }
}
