package dev.ecsnet.domain.ssm;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ParameterStringFilter}: a key ({@code Name}, {@code Type}, {@code KeyId}, {@code Path}, {@code Label},
 * {@code Tier}, {@code DataType} or {@code tag:KEY}), an option ({@code Equals}, {@code BeginsWith}, {@code Contains}
 * for names; {@code OneLevel} or {@code Recursive} for paths) and the values, any of which may match.
 */
public record ParameterFilter(String key, Optional<String> option, List<String> values) {
    public ParameterFilter {
        values = List.copyOf(values);
    }

    /** The option in effect: the one given, else {@code OneLevel} for paths and {@code Equals} for everything else. */
    String effectiveOption() {
        return option.orElse(key.equals("Path") ? "OneLevel" : "Equals");
    }
}
