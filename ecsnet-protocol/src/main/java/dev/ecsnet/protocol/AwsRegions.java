package dev.ecsnet.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real AWS region names of every partition ({@code aws-regions.txt}, taken from botocore's endpoints.json).
 * A credential scope naming any other region is refused, so a typo never creates a new, empty region.
 */
public final class AwsRegions {
    static final String RESOURCE = "aws-regions.txt";
    private static final Map<String, String> PARTITION_BY_REGION = load();
    /**
     * The partitions' global pseudo-regions and the region their credential scope names (botocore endpoints.json,
     * {@code iam.endpoints.<partition>-global.credentialScope}). The SDK for Java v2 signs IAM and STS calls to an
     * overridden endpoint with {@code Region.AWS_GLOBAL}'s name, so such a scope means that partition's home region.
     */
    private static final Map<String, String> GLOBAL_SCOPES = Map.of(
            "aws-global", "us-east-1",
            "aws-cn-global", "cn-north-1",
            "aws-us-gov-global", "us-gov-west-1",
            "aws-iso-global", "us-iso-east-1",
            "aws-iso-b-global", "us-isob-east-1",
            "aws-iso-f-global", "us-isof-south-1");

    private AwsRegions() {
    }

    public static boolean isKnown(String region) {
        return PARTITION_BY_REGION.containsKey(region);
    }

    /** The region a credential scope stands for: itself, or the home region of a partition's global pseudo-region. */
    public static String signingRegion(String scopeRegion) {
        return GLOBAL_SCOPES.getOrDefault(scopeRegion, scopeRegion);
    }

    /** The partition a region belongs to ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...). */
    public static Optional<String> partition(String region) {
        return Optional.ofNullable(PARTITION_BY_REGION.get(region));
    }

    /** Region → partition, in the file's order. */
    public static Map<String, String> all() {
        return PARTITION_BY_REGION;
    }

    private static Map<String, String> load() {
        Map<String, String> regions = new LinkedHashMap<>();
        try (InputStream in = AwsRegions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                regions.put(parts[1], parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(regions);
    }
}
