package dev.ecsnet.domain.ecs;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task size parsing and the Fargate cpu/memory table (AWS-FACTS §3.3). cpu may be written "256" or "0.25 vCPU",
 * memory "512" or "1GB"; both are stored as integer strings, as ECS normalizes them at registration.
 */
final class FargateSizes {
    private static final Pattern CPU = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(vcpus?|cpus?)?\\s*");
    private static final Pattern MEMORY = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(gb|gib|mb|mib)?\\s*");
    /**
     * Longer text is refused before any parsing: the largest sizes ECS takes (196608 CPU units, "192 vCPU",
     * 983040 MiB) are a few characters, and a number of a million digits would otherwise be parsed in full.
     */
    static final int MAX_TEXT = 32;

    private FargateSizes() {
    }

    /** CPU units (1024 per vCPU), or empty when the text is not a size. */
    static Optional<Integer> cpuUnits(String text) {
        if (text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Matcher m = CPU.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal n = new BigDecimal(m.group(1));
        BigDecimal units = m.group(2) == null ? n : n.multiply(BigDecimal.valueOf(1024));
        return whole(units);
    }

    /** MiB, or empty when the text is not a size. */
    static Optional<Integer> memoryMib(String text) {
        if (text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Matcher m = MEMORY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "mb" : m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal mib = unit.startsWith("g") ? n.multiply(BigDecimal.valueOf(1024)) : n;
        return whole(mib);
    }

    private static Optional<Integer> whole(BigDecimal value) {
        try {
            int v = value.intValueExact();
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether Fargate offers this task size (Linux, platform version 1.4.0). */
    static boolean isValid(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> inSteps(memory, 1024, 4096, 1024);
            case 1024 -> inSteps(memory, 2048, 8192, 1024);
            case 2048 -> inSteps(memory, 4096, 16384, 1024);
            case 4096 -> inSteps(memory, 8192, 30720, 1024);
            case 8192 -> inSteps(memory, 16384, 61440, 4096);
            case 16384 -> inSteps(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    private static boolean inSteps(int value, int min, int max, int step) {
        return value >= min && value <= max && (value - min) % step == 0;
    }
}
