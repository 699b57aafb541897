package dev.ecsnet.engine;

import dev.ecsnet.domain.state.AccountRecord;
import dev.ecsnet.domain.state.RegionRecord;

import java.time.Instant;
import java.util.List;

/**
 * The engine's whole state as plain data, between two steps: every account and region ({@code export()} of each),
 * the pending timers, the logical clock, the seed, and the sequence numbers the next command and timer get. What a
 * snapshot in a state dir and a saved state document hold; restored by {@link Engine#replay(EngineSnapshot, java.util.List,
 * CommandRunner)} and {@link Engine#load(EngineSnapshot)}.
 */
public record EngineSnapshot(long nextSeq, Instant at, long seed, long timerSeq, List<Timer> timers,
                             List<AccountRecord> accounts, List<RegionRecord> regions) {
}
