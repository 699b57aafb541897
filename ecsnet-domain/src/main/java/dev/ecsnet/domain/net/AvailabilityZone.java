package dev.ecsnet.domain.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An Availability Zone of a region: its name ({@code us-east-1a}) and zone id ({@code use1-az1}). */
public record AvailabilityZone(String name, String zoneId, String region) {

    private static final Map<String, String> DIRECTION = Map.of(
            "northeast", "ne", "southeast", "se", "northwest", "nw", "southwest", "sw",
            "north", "n", "south", "s", "east", "e", "west", "w", "central", "c");

    /**
     * The zones ecsnet offers in a region: six in us-east-1 (a to f), three elsewhere. AWS maps zone names to
     * zone ids differently per account; ecsnet uses one fixed mapping.
     */
    public static List<AvailabilityZone> of(String region) {
        int count = "us-east-1".equals(region) ? 6 : 3;
        String idPrefix = zoneIdPrefix(region);
        List<AvailabilityZone> zones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            zones.add(new AvailabilityZone(region + (char) ('a' + i), idPrefix + "-az" + (i + 1), region));
        }
        return List.copyOf(zones);
    }

    /** {@code us-east-1} → {@code use1}, {@code ap-northeast-1} → {@code apne1}. */
    static String zoneIdPrefix(String region) {
        String[] parts = region.split("-");
        if (parts.length < 3) {
            return region.replace("-", "");
        }
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            b.append(DIRECTION.getOrDefault(parts[i], parts[i].substring(0, 1)));
        }
        return b.append(parts[parts.length - 1]).toString();
    }
}
