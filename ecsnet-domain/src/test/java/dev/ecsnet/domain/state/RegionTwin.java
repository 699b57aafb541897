package dev.ecsnet.domain.state;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One region of one account on a hand-driven clock and timer queue, and its twin: a region built fresh with the
 * same seed, given this one's exported records and pending timers. The snapshot tests drive both the same way and
 * compare what they answer and export.
 */
public final class RegionTwin {
    public static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");

    public record Pending(Instant due, long seq, String kind, String key, String args) {
    }

    private final long seed;
    private final TimingProfile timing;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
    private long seq;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    public final RegionState region;

    public RegionTwin(long seed) {
        this(seed, TimingProfile.FAST);
    }

    public RegionTwin(long seed, TimingProfile timing) {
        this.seed = seed;
        this.timing = timing;
        AccountState account = new AccountState(KEY.accountId(), seed, this::now);
        this.region = new RegionState(KEY, account, seed, this::now, (delay, kind, key, args) ->
                pending.add(new Pending(now.plus(delay), seq++, kind, key, args)), timing, EgressPolicy.IGNORE);
    }

    public Instant now() {
        return now;
    }

    /** Moves the clock, running every timer due on the way at its due instant. */
    public void advance(Duration d) {
        Instant target = now.plus(d);
        while (!pending.isEmpty() && !pending.peek().due().isAfter(target)) {
            Pending t = pending.poll();
            now = t.due();
            if (!region.timers().fire(t.kind(), t.key(), t.args())) {
                throw new IllegalStateException("no handler for timers of kind " + t.kind());
            }
        }
        now = target;
    }

    public void settle() {
        advance(Duration.ofMinutes(5));
    }

    public List<Pending> pending() {
        return pending.stream().sorted(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq)).toList();
    }

    /** A region built fresh with this one's seed and given its records and pending timers, at the same instant. */
    public RegionTwin twin() {
        RegionTwin twin = new RegionTwin(seed, timing);
        twin.now = now;
        twin.region.account().restore(region.account().export());
        twin.region.restore(region.export());
        twin.pending.addAll(pending);
        twin.seq = seq;
        return twin;
    }

    /** Everything both exports hold, for equality checks. */
    public List<Object> exports() {
        return List.of(region.account().export(), region.export());
    }
}
