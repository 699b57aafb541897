package dev.ecsnet.domain.common;

/**
 * Every identifier and random choice in the domain comes from here, so that a run with the same seed and the
 * same requests produces the same ids, MAC addresses and IP addresses. Used only on the engine thread.
 */
public final class IdSource {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final long seed;
    private final RandomStream random;

    public IdSource(long seed) {
        this.seed = seed;
        this.random = new RandomStream(seed);
    }

    /** Where the id stream stands: with {@link #seed()}, all a snapshot needs to continue it. */
    public long streamState() {
        return random.state();
    }

    /**
     * Continues the id stream from a {@link #streamState()} written down earlier. A region's aggregates share one
     * source, so a restore moves it once for all of them.
     */
    public void resume(long streamState) {
        random.resume(streamState);
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
            out[i] = HEX[random.next(4)];
        }
        return new String(out);
    }

    public String uuid() {
        String h = hex(32);
        // version 4, variant 10xx, as java.util.UUID.randomUUID would produce
        char variant = HEX[8 + random.next(2)];
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** A locally administered unicast MAC, as the ones AWS gives ENIs ({@code 0e:50:d1:c1:77:81}). */
    public String macAddress() {
        int first = (random.next(6) << 2) | 0x02;
        StringBuilder b = new StringBuilder(17).append(HEX[first >> 4]).append(HEX[first & 0xf]);
        for (int i = 0; i < 5; i++) {
            b.append(':').append(hex(2));
        }
        return b.toString();
    }

    /** Uniform in {@code [0, bound)}, as {@code java.util.Random.nextInt(bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A stream of its own for one consumer (a subnet's address pool), independent of other calls' order. */
    public RandomStream derive(String key) {
        return new RandomStream(seed * 1_000_003L + key.hashCode());
    }
}
