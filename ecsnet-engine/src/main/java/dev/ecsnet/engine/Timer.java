package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A pending timer, as data: when it falls due, the region's handler of {@code kind} runs with {@code key} (a resource
 * id) and {@code args} ("" for none). Timers run in due order, then in the order they were armed ({@code seq}).
 * Plain values only, so that a snapshot can write pending timers down and a restart re-arm them.
 */
public record Timer(Instant due, long seq, String accountId, String region, String kind, String key, String args) {
    /** Due order, then arming order: the order the engine runs timers in. */
    public static final Comparator<Timer> ORDER = Comparator.comparing(Timer::due).thenComparingLong(Timer::seq);

    public Timer {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(args, "args");
    }

    public AccountRegion owner() {
        return new AccountRegion(accountId, region);
    }
}
