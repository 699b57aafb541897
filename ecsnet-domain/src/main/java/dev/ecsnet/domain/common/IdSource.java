package dev.ecsnet.domain.common;

import java.util.Random;

/**
 * Every identifier and random choice in the domain comes from here, so that a run with the same seed and the
 * same requests produces the same ids, MAC addresses and IP addresses. Used only on the engine thread.
 */
public final class IdSource {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private final long seed;
    /**
     * The state of {@link Random}'s linear congruential generator, kept here rather than in a {@code Random}: the
     * stream is exactly {@code new Random(seed)}'s (journals and saved states replay to the same ids), without the
     * atomic update {@code Random} pays on every draw; ids are drawn on the engine thread only.
     */
    private long state;

    public IdSource(long seed) {
        this.seed = seed;
        this.state = (seed ^ MULTIPLIER) & MASK;
    }

    public long seed() {
        return seed;
    }

    /** An EC2-style id: prefix, dash, 17 lower-case hex digits ({@code subnet-0a1b...}). */
    public String resourceId(String prefix) {
        return prefix + "-" + hex(17);
    }

    public String hex(int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[next(4)];
        }
        return new String(out);
    }

    public String uuid() {
        String h = hex(32);
        // version 4, variant 10xx, as java.util.UUID.randomUUID would produce
        char variant = HEX[8 + next(2)];
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** A locally administered unicast MAC, as the ones AWS gives ENIs ({@code 0e:50:d1:c1:77:81}). */
    public String macAddress() {
        int first = (next(6) << 2) | 0x02;
        StringBuilder b = new StringBuilder(17).append(HEX[first >> 4]).append(HEX[first & 0xf]);
        for (int i = 0; i < 5; i++) {
            b.append(':').append(hex(2));
        }
        return b.toString();
    }

    /** As {@link Random#nextInt(int)}. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
            // rejected: retry, as Random does, so that every value is equally likely
        }
        return r;
    }

    /** As {@code Random.next(bits)}; for a power of two {@code 2^bits}, {@code nextInt(2^bits)} is {@code next(bits)}. */
    private int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** A stream of its own for one consumer (a subnet's address pool), independent of other calls' order. */
    public Random derive(String key) {
        return new Random(seed * 1_000_003L + key.hashCode());
    }
}
