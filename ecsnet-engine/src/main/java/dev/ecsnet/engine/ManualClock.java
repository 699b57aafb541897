package dev.ecsnet.engine;

import dev.ecsnet.domain.common.Clock;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to; tests advance it through {@link Engine#advance(Duration)}. */
public final class ManualClock implements Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }
}
