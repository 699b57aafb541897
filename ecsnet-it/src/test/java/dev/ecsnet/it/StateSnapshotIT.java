package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineSnapshot;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.engine.store.StateJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots as state records: a server with a state dir writes snapshots as it goes; one restarted from the newest
 * snapshot and the journal after it answers every describe call like a server that never stopped, and goes on like
 * it. The snapshot holds every aggregate, so this is also the test that none of them leaves state out.
 */
class StateSnapshotIT {
    private static final String SETTINGS = "timing=fast egress=ignore";

    @TempDir
    Path dir;

    private static EcsnetServer server(ManualClock clock, long seed) {
        return new EcsnetServer(new Engine(clock, seed, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0);
    }

    @Test
    void aRestartFromTheNewestSnapshotAndTheJournalAfterItEqualsAServerThatNeverStopped() throws IOException {
        ManualClock clockA = new ManualClock(EcsnetServerExtension.START);
        ManualClock clockC = new ManualClock(EcsnetServerExtension.START);
        StateJournal journalA = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS).snapshotEvery(25);
        EcsnetServer a = server(clockA, 7);
        journalA.restore(a.engine(), a.replayer());
        a.start();
        try (EcsnetServer c = server(clockC, 7).start()) {
            StateFixture.build(a, () -> StateReplayIT.settle(a.engine()));
            StateFixture.build(c, () -> StateReplayIT.settle(c.engine()));
            String never = StateFixture.describeAll(c);
            assertThat(StateFixture.describeAll(a)).isEqualTo(never);
            // killed, not stopped: no snapshot at shutdown, so the restart needs the journal after the last one
            journalA.awaitSnapshots();
            a.engine().halt();
            journalA.abandon();
            a.close();
            assertThat(files("snapshot-")).hasSize(1);

            ManualClock clockB = new ManualClock(clockA.now());
            StateJournal journalB = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS).snapshotEvery(25);
            EcsnetServer b = server(clockB, 12345);
            try {
                journalB.restore(b.engine(), b.replayer());
                b.start();
                assertThat(journalB.opened().snapshotSeq()).isPositive();
                assertThat(journalB.opened().records()).isLessThan(25);
                assertThat(b.engine().seed()).isEqualTo(7);
                assertThat(StateFixture.describeAll(b)).isEqualTo(never);

                StateFixture.goOn(b, () -> StateReplayIT.settle(b.engine()));
                StateFixture.goOn(c, () -> StateReplayIT.settle(c.engine()));
                assertThat(StateFixture.describeAll(b)).isEqualTo(StateFixture.describeAll(c));
                assertThat(b.engine().timers()).isEqualTo(c.engine().timers());
            } finally {
                b.close();
                journalB.close();
            }
        }
    }

    @Test
    void aCleanShutdownLeavesOnlyASnapshotAndTheRestartReplaysNothing() throws IOException {
        ManualClock clock = new ManualClock(EcsnetServerExtension.START);
        StateJournal journal = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS);
        EcsnetServer a = server(clock, 7);
        journal.restore(a.engine(), a.replayer());
        a.start();
        StateFixture.build(a, () -> StateReplayIT.settle(a.engine()));
        String expected = StateFixture.describeAll(a);
        EngineSnapshot state = a.engine().snapshot();
        journal.checkpoint(a.engine());
        a.close();
        journal.close();
        assertThat(files("journal-")).hasSize(1);

        StateJournal again = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS);
        EcsnetServer b = server(new ManualClock(clock.now()), 1);
        try {
            again.restore(b.engine(), b.replayer());
            b.start();
            assertThat(again.opened().records()).isZero();
            assertThat(b.engine().snapshot()).isEqualTo(state);
            assertThat(StateFixture.describeAll(b)).isEqualTo(expected);
        } finally {
            b.close();
            again.close();
        }
    }

    private List<Path> files(String prefix) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.toString().endsWith(".tmp")).toList();
        }
    }
}
