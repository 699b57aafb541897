package dev.ecsnet.engine.store;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.logs.LogGroup;
import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineSnapshot;
import dev.ecsnet.engine.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots in a state dir: written every N records and at shutdown, restored at start with only the records after them. */
class StateJournalSnapshotTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SETTINGS = "timing=fast egress=ignore";
    /** Each command makes one log group, named by its params: real state for the snapshot to hold. */
    private static final CommandRunner RUNNER = (r, state) -> state.logs().createLogGroup(r.params(), Map.of(), null, null);

    @TempDir
    Path dir;

    private record Session(StateJournal journal, Engine engine, List<CommandRecord> replayed) implements AutoCloseable {
        static Session open(Path dir, int snapshotEvery) {
            StateJournal journal = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS).snapshotEvery(snapshotEvery);
            Engine engine = new Engine(new ManualClock(T0), 5, TimingProfile.INSTANT, EgressPolicy.IGNORE);
            List<CommandRecord> replayed = new ArrayList<>();
            journal.restore(engine, (r, state) -> {
                replayed.add(r);
                RUNNER.run(r, state);
            });
            return new Session(journal, engine, replayed);
        }

        void commands(String prefix, int count) {
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                engine.call(KEY, s -> {
                    s.logs().createLogGroup(name, Map.of(), null, null);
                    return engine.commit(KEY, "", "logs", "CreateLogGroup", name);
                });
                engine.advance(Duration.ofSeconds(1));
            }
        }

        List<String> groups() {
            return engine.call(KEY, s -> s.logs().logGroups().stream().map(LogGroup::name).toList());
        }

        @Override
        public void close() {
            engine.close();
            journal.close();
        }
    }

    @Test
    void everyNRecordsASnapshotReplacesTheJournalsItCoversAndARestartReplaysOnlyWhatCameAfter() throws IOException {
        List<String> before;
        try (Session s = Session.open(dir, 4)) {
            s.commands("/g/", 10);
            s.journal().awaitSnapshots();
            before = s.groups();
        }
        // the epoch record and ten commands: snapshots after 4 and after 8 records of a journal
        assertThat(names("snapshot-")).containsExactly("snapshot-00000000000000000008");
        assertThat(names("journal-")).containsExactly("journal-00000000000000000008");
        try (Session s = Session.open(dir, 4)) {
            assertThat(s.journal().opened().snapshotSeq()).isEqualTo(8);
            assertThat(s.replayed()).extracting(CommandRecord::params).containsExactly("/g/7", "/g/8", "/g/9");
            assertThat(s.groups()).isEqualTo(before).hasSize(10);
            s.commands("/h/", 2);
            assertThat(s.groups()).hasSize(12);
        }
        try (Session s = Session.open(dir, 4)) {
            assertThat(s.groups()).hasSize(12);
            assertThat(s.engine().snapshot().nextSeq()).isEqualTo(13);
        }
    }

    @Test
    void aCheckpointAtShutdownLeavesNothingToReplay() throws IOException {
        EngineSnapshot state;
        try (Session s = Session.open(dir, 1000)) {
            s.commands("/g/", 3);
            state = s.engine().snapshot();
            s.journal().checkpoint(s.engine());
        }
        try (Session s = Session.open(dir, 1000)) {
            assertThat(s.replayed()).isEmpty();
            assertThat(s.engine().snapshot()).isEqualTo(state);
        }
    }

    @Test
    void anUnfinishedSnapshotIsIgnoredAndRemovedAndADamagedOneRefusesToStartNamingIt() throws IOException {
        try (Session s = Session.open(dir, 2)) {
            s.commands("/g/", 3);
            s.journal().awaitSnapshots();
        }
        Path tmp = dir.resolve("snapshot-00000000000000000099.tmp");
        Files.write(tmp, new byte[] {1, 2, 3});
        try (Session s = Session.open(dir, 2)) {
            assertThat(s.groups()).hasSize(3);
        }
        assertThat(tmp).doesNotExist();

        Path snapshot = dir.resolve(names("snapshot-").get(0));
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(snapshot, bytes);
        assertThatThrownBy(() -> StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS)).isInstanceOf(StoreDamage.class)
                .hasMessageContaining(snapshot.toString()).hasMessageContaining("checksum");
    }

    @Test
    void aLoadedStateBecomesTheFoldersBaseBeforeTheLoadReturns() throws IOException {
        EngineSnapshot document;
        try (Engine other = new Engine(new ManualClock(T0.minusSeconds(60)), 77, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            other.call(new AccountRegion("111122223333", "eu-west-1"), s -> s.logs().createLogGroup("/loaded", Map.of(), null, null));
            document = other.snapshot();
        }
        Session first = Session.open(dir, 1000);
        first.commands("/g/", 2);
        first.engine().load(document);
        assertThat(first.engine().seed()).isEqualTo(77);
        assertThat(first.groups()).isEmpty();
        // killed right after: the load is already the base
        first.engine().halt();
        first.journal().abandon();
        try (Session s = Session.open(dir, 1000)) {
            assertThat(s.replayed()).isEmpty();
            assertThat(s.engine().seed()).isEqualTo(77);
            int loaded = s.engine().call(new AccountRegion("111122223333", "eu-west-1"), r -> r.logs().logGroups().size());
            assertThat(loaded).isEqualTo(1);
            assertThat(s.groups()).isEmpty();
        }
    }

    @Test
    void snapshotsAreWrittenInSmileAndTheJsonSnapshotsOfFormatOneStillRestore() throws IOException {
        List<String> before;
        try (Session s = Session.open(dir, 1000)) {
            s.commands("/g/", 5);
            s.journal().checkpoint(s.engine());
            before = s.groups();
        }
        StateDir.Snapshot written;
        try (StateDir state = StateDir.open(dir)) {
            written = state.latestSnapshot().orElseThrow();
            assertThat(written.version()).isEqualTo(2);
            EngineSnapshot decoded;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(written.payload()))) {
                decoded = SnapshotCodec.read(in, SnapshotCodec.Encoding.SMILE);
            }
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            try (var gz = new java.util.zip.GZIPOutputStream(json)) {
                SnapshotCodec.write(decoded, gz);
            }
            state.writeSnapshot(written.seq(), 1, json.toByteArray(), written.seq());
            assertThat(state.latestSnapshot().orElseThrow().version()).isEqualTo(1);
        }
        try (Session s = Session.open(dir, 1000)) {
            assertThat(s.replayed()).isEmpty();
            assertThat(s.groups()).isEqualTo(before).hasSize(5);
            s.commands("/h/", 1);
            assertThat(s.groups()).hasSize(6);
        }
    }

    private List<String> names(String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }
}
