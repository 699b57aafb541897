package dev.ecsnet.domain.common;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A region's timer kinds and their handlers, and the way its domain objects arm timers. Each domain object registers
 * a handler per kind it schedules ({@link #on}) when it is built, and schedules by kind and resource id; the engine
 * keeps the pending timers as records and, when one falls due, hands it back through {@link #fire}.
 */
public final class Timers {
    private final Scheduler scheduler;
    private final Map<String, TimerHandler> handlers = new TreeMap<>();

    /** Timers armed through {@code scheduler} (the engine's, or a test's queue). */
    public Timers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Timers that fire at once, inside the call that arms them; for tests of a model alone. */
    public static Timers immediate() {
        return new Timers(null);
    }

    /** Registers what timers of {@code kind} do; one handler per kind. */
    public void on(String kind, TimerHandler handler) {
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("a handler for timers of kind " + kind + " is registered already");
        }
    }

    public void schedule(Duration delay, String kind, String key) {
        schedule(delay, kind, key, "");
    }

    /** Arms a timer of a registered kind; a kind nobody handles is refused here, where the mistake is made. */
    public void schedule(Duration delay, String kind, String key, String args) {
        if (!handlers.containsKey(kind)) {
            throw new IllegalStateException("no handler for timers of kind " + kind);
        }
        if (scheduler == null) {
            fire(kind, key, args);
        } else {
            scheduler.schedule(delay, kind, key, args);
        }
    }

    /** Runs the handler of a timer that fell due; false when no handler knows its kind (the timer does nothing). */
    public boolean fire(String kind, String key, String args) {
        TimerHandler handler = handlers.get(kind);
        if (handler == null) {
            return false;
        }
        handler.fire(key, args);
        return true;
    }

    /** Every kind with a handler, in name order. */
    public Set<String> kinds() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
