package dev.ecsnet.domain.ec2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance type table, read once from the CSV files in this package's resources (sources named in
 * {@code SOURCES.md} beside them). Immutable after loading. Every type of the ENI table exists; the few without a
 * size row have a known architecture (from their name) but no vCPU or memory figures.
 */
public final class InstanceTypes {
    private static final Map<String, InstanceType> TYPES = load();

    private InstanceTypes() {
    }

    public static Optional<InstanceType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Every type in the ENI table, sorted by name. */
    public static Collection<InstanceType> all() {
        return TYPES.values();
    }

    private static Map<String, InstanceType> load() {
        Map<String, String[]> ecs = new HashMap<>();
        for (String[] r : read("ecs-trunking-task-limits.csv")) {
            ecs.put(r[0], r);
        }
        Map<String, String[]> sizes = new HashMap<>();
        for (String[] r : read("instance-sizes.csv")) {
            sizes.put(r[0], r);
        }
        List<InstanceType> types = new ArrayList<>();
        for (String[] r : read("instance-eni-limits.csv")) {
            String name = r[0];
            int maxEnis = Integer.parseInt(r[1]);
            boolean compatible = Boolean.parseBoolean(r[3]);
            int branch = Integer.parseInt(r[4]);
            String[] e = ecs.get(name);
            int without = e != null ? Integer.parseInt(e[1]) : maxEnis - 1;
            int with;
            String source;
            if (e != null) {
                with = Math.max(0, Integer.parseInt(e[2]));
                source = with > 0 ? "ecs" : "none";
            } else if (compatible && branch > 0) {
                with = branch;
                source = "eks";
            } else {
                with = 0;
                source = "none";
            }
            String[] s = sizes.get(name);
            types.add(new InstanceType(name, maxEnis, Integer.parseInt(r[2]), compatible, branch, without, with, source,
                    s == null ? 0 : Integer.parseInt(s[1]), s == null ? 0 : Integer.parseInt(s[2]), s == null ? architectureByName(name) : s[3]));
        }
        types.sort((a, b) -> a.name().compareTo(b.name()));
        Map<String, InstanceType> out = new LinkedHashMap<>();
        types.forEach(t -> out.put(t.name(), t));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The processor architecture a type's name tells, for types without a size row: AWS's naming convention
     * (EC2 Instance Types guide, "Instance type naming conventions") marks AWS Graviton processors with the {@code g}
     * attribute after the generation digit (c8gn, m8gb, i8ge) and A1 is Graviton too; Mac instances with Apple
     * silicon (mac2, mac-m4) are {@code arm64_mac}, mac1 {@code x86_64_mac}; everything else is x86_64.
     */
    static String architectureByName(String name) {
        String family = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (family.startsWith("mac")) {
            return family.equals("mac1") ? "x86_64_mac" : "arm64_mac";
        }
        String attributes = family.replaceFirst("^[a-z]+\\d+", "");
        return family.equals("a1") || attributes.replaceFirst("-.*", "").contains("g") ? "arm64" : "x86_64";
    }

    private static List<String[]> read(String file) {
        try (InputStream in = InstanceTypes.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null) {
                return rows;
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.trim().split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
