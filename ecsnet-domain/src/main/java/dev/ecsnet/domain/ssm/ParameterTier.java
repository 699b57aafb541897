package dev.ecsnet.domain.ssm;

import java.util.Arrays;
import java.util.Optional;

/**
 * Parameter tiers. A parameter is stored as Standard or Advanced; Intelligent-Tiering is only a request that picks
 * Advanced when the value is over 4 KB or has policies, and Standard otherwise.
 */
public enum ParameterTier {
    STANDARD("Standard", 4096), ADVANCED("Advanced", 8192), INTELLIGENT_TIERING("Intelligent-Tiering", 8192);

    private final String wireName;
    private final int maxValueLength;

    ParameterTier(String wireName, int maxValueLength) {
        this.wireName = wireName;
        this.maxValueLength = maxValueLength;
    }

    public String wireName() {
        return wireName;
    }

    int maxValueLength() {
        return maxValueLength;
    }

    public static Optional<ParameterTier> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
