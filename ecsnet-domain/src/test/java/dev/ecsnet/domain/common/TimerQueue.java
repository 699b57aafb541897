package dev.ecsnet.domain.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A hand-driven stand-in for the engine's timer queue: timers as records, run in due then arming order. */
public final class TimerQueue {
    public record Pending(Instant due, long seq, String kind, String key, String args) {
    }

    private final Supplier<Instant> now;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
    private final Timers timers;
    private long seq;

    /** Timers armed relative to {@code now}. */
    public TimerQueue(Supplier<Instant> now) {
        this.now = now;
        this.timers = new Timers((Duration delay, String kind, String key, String args) ->
                pending.add(new Pending(now.get().plus(delay), seq++, kind, key, args)));
    }

    /** What the domain objects under test register their handlers on and arm timers through. */
    public Timers timers() {
        return timers;
    }

    /** Runs every timer due at or before {@code target}, each after {@code clock} was moved to its due instant. */
    public void runUntil(Instant target, Consumer<Instant> clock) {
        while (!pending.isEmpty() && !pending.peek().due().isAfter(target)) {
            Pending t = pending.poll();
            clock.accept(t.due());
            fire(t);
        }
    }

    /** Runs up to {@code max} timers in the order they were armed, whatever their due time (for tests that keep the clock still). */
    public void runAll(int max) {
        for (int i = 0; i < max && !pending.isEmpty(); i++) {
            Pending t = pending.stream().min(Comparator.comparingLong(Pending::seq)).orElseThrow();
            pending.remove(t);
            fire(t);
        }
    }

    private void fire(Pending t) {
        if (!timers.fire(t.kind(), t.key(), t.args())) {
            throw new IllegalStateException("no handler for timers of kind " + t.kind());
        }
    }

    public List<Pending> pending() {
        return pending.stream().sorted(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq)).toList();
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public Instant now() {
        return now.get();
    }
}
