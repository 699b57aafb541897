package dev.ecsnet.engine.store;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.CommandRecord;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateJournalTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SETTINGS = "timing=fast egress=ignore";

    @TempDir
    Path dir;

    /** Opens the folder, restores into a fresh engine (collecting what is replayed), runs {@code commands} commands. */
    private List<CommandRecord> session(int commands, List<CommandRecord> replayed) {
        StateJournal journal = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS);
        try (Engine engine = new Engine(new ManualClock(T0), 5, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            journal.restore(engine, (r, state) -> replayed.add(r));
            for (int i = 0; i < commands; i++) {
                int n = i;
                engine.call(KEY, s -> engine.commit(KEY, "", "ec2", "CreateVpc", "{\"n\":" + n + "}"));
                engine.advance(Duration.ofSeconds(1));
            }
            return engine.history();
        } finally {
            journal.close();
        }
    }

    private Path journalFile() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }

    @Test
    void aRestartReplaysEveryCommandAtItsInstantAndKeepsAppending() {
        List<CommandRecord> first = session(3, new ArrayList<>());
        List<CommandRecord> replayed = new ArrayList<>();
        List<CommandRecord> second = session(2, replayed);
        assertThat(replayed).isEqualTo(first.subList(1, 4));
        assertThat(replayed).extracting(CommandRecord::at).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(second).hasSize(6).startsWith(first.toArray(CommandRecord[]::new));
        assertThat(second).extracting(CommandRecord::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aLoadIsJournalledAsANewEpochAndARestartEndsInTheLoadedState() {
        session(2, new ArrayList<>());
        List<CommandRecord> document = List.of(CommandRecord.epoch(0, T0.minusSeconds(60), 77),
                new CommandRecord(1, T0.minusSeconds(30), "111122223333", "eu-west-1", "", "ec2", "CreateVpc", "{\"loaded\":1}", List.of()));
        StateJournal journal = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS);
        List<CommandRecord> ran = new ArrayList<>();
        try (Engine engine = new Engine(new ManualClock(T0), 5, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            journal.restore(engine, (r, state) -> ran.add(r));
            engine.load(document, (r, state) -> ran.add(r));
            assertThat(engine.seed()).isEqualTo(77);
        } finally {
            journal.close();
        }
        List<CommandRecord> replayed = new ArrayList<>();
        StateJournal again = StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS);
        try (Engine engine = new Engine(new ManualClock(T0), 5, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            again.restore(engine, (r, state) -> replayed.add(r));
            assertThat(engine.seed()).isEqualTo(77);
            assertThat(engine.history()).extracting(CommandRecord::params).containsExactly("{\"seed\":77}", "{\"loaded\":1}");
        } finally {
            again.close();
        }
        assertThat(replayed).extracting(CommandRecord::params).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"loaded\":1}");
    }

    @Test
    void damageBeforeTheLastRecordRefusesToStartNamingTheFileAndOffset() throws IOException {
        session(3, new ArrayList<>());
        Path file = journalFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[16 + 12 + 2] ^= 0x40; // inside the first record's payload
        Files.write(file, bytes);
        assertThatThrownBy(() -> StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS)).isInstanceOf(StoreDamage.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("at byte 16");
        // refused, and the folder is free for a fixed start
        StateDir.open(dir).close();
    }

    @Test
    void aRecordOfANewerFormatIsRefusedByName() throws IOException {
        session(0, new ArrayList<>());
        byte[] newer = CommandRecord.epoch(1, T0, 5).encode();
        newer[0] = 2;
        try (JournalFile j = JournalFile.append(journalFile(), JournalFile.read(journalFile()))) {
            j.append(newer);
        }
        assertThatThrownBy(() -> StateJournal.open(dir, StateJournal.Fsync.ALWAYS, SETTINGS)).isInstanceOf(StoreDamage.class)
                .hasMessageContaining("command record format version 2 is not one this ecsnet reads (it reads 1)");
    }

    @Test
    void otherTimingOrEgressSettingsAreRefused() {
        session(1, new ArrayList<>());
        assertThatThrownBy(() -> StateJournal.open(dir, StateJournal.Fsync.ALWAYS, "timing=realistic egress=ignore"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was written with timing=fast egress=ignore; start with the same settings");
    }

    @Test
    void aStateDocumentRoundTripsInBothFormatsAndANewerOneIsRefused() throws Exception {
        List<CommandRecord> records = List.of(CommandRecord.epoch(0, T0, 9),
                new CommandRecord(1, T0, "000000000000", "us-east-1", "", "ec2", "CreateVpc", "{}", List.of("secret")));
        StateDocument.Contents commands = StateDocument.read(StateDocument.writeCommands(records));
        assertThat(commands.version()).isEqualTo(1);
        assertThat(commands.commands()).isEqualTo(records);

        try (Engine engine = new Engine(new ManualClock(T0), 9, TimingProfile.FAST)) {
            engine.call(new AccountRegion("000000000000", "us-east-1"), r ->
                    r.logs().createLogGroup("/ecs/web", java.util.Map.of("team", "web"), null, null));
            EngineSnapshot state = engine.snapshot();
            StateDocument.Contents saved = StateDocument.read(StateDocument.write(state));
            assertThat(saved.version()).isEqualTo(2);
            assertThat(saved.snapshot()).isEqualTo(state);
            assertThat(saved.snapshot().regions().get(0).logs().logGroups()).extracting(g -> g.name()).containsExactly("/ecs/web");
        }

        java.io.ByteArrayOutputStream newer = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(newer)) {
            gz.write("ECSNETD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            gz.write(3);
        }
        assertThatThrownBy(() -> StateDocument.read(newer.toByteArray())).isInstanceOf(CommandRecord.UnsupportedFormat.class)
                .hasMessageContaining("format version 3 is not one this ecsnet reads (it reads 1 and 2)");
        assertThatThrownBy(() -> StateDocument.read("plain text".getBytes())).isInstanceOf(CommandRecord.UnsupportedFormat.class)
                .hasMessageContaining("not an ecsnet state document");
    }
}
