package dev.ecsnet.domain.common;

/**
 * A seeded random stream whose whole state is one {@code long}, so that a snapshot can write it down and a restored
 * server draw exactly what one that never stopped would. The stream is {@code java.util.Random}'s for the same
 * seed (its 48-bit linear congruential generator, as its Javadoc specifies), so journals and saved states recorded
 * before this class existed replay to the same ids and addresses. Not thread-safe: used on the engine thread only,
 * which also spares the atomic update {@code Random} pays on every draw.
 */
public final class RandomStream {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private long state;

    /** The stream of {@code new java.util.Random(seed)}. */
    public RandomStream(long seed) {
        this.state = (seed ^ MULTIPLIER) & MASK;
    }

    private RandomStream(long state, boolean resumed) {
        this.state = state & MASK;
    }

    /** The stream from a {@link #state()} written down earlier: the next draws are the ones it would have made. */
    public static RandomStream resumed(long state) {
        return new RandomStream(state, true);
    }

    /** Moves this stream to a {@link #state()} written down earlier, for everyone holding it. */
    public void resume(long state) {
        this.state = state & MASK;
    }

    /** Everything the stream is: 48 bits. */
    public long state() {
        return state;
    }

    /** As {@code Random.next(bits)}; {@code nextInt(2^bits)} is {@code next(bits)}. */
    public int next(int bits) {
        state = (state * MULTIPLIER + ADDEND) & MASK;
        return (int) (state >>> (48 - bits));
    }

    /** As {@code Random.nextInt()}. */
    public int nextInt() {
        return next(32);
    }

    /** As {@code Random.nextInt(int)}: uniform in {@code [0, bound)}. */
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
            // rejected, as Random does, so that every value is equally likely
        }
        return r;
    }

    /** As {@code Random.nextLong()}. */
    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }
}
