package dev.ecsnet.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDirTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServerOnTheSameFolderIsRefused() {
        try (StateDir first = StateDir.open(dir)) {
            assertThatThrownBy(() -> StateDir.open(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another ecsnet").hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        StateDir.open(dir).close();
    }

    @Test
    void theNewestSnapshotComesBackAndReplacesWhatItCovers() throws IOException {
        try (StateDir state = StateDir.open(dir)) {
            assertThat(state.latestSnapshot()).isEmpty();
            JournalFile.create(state.journalPath(0), 0).close();
            JournalFile.create(state.journalPath(10), 10).close();
            state.writeSnapshot(10, "ten".getBytes(StandardCharsets.UTF_8), 10);
            assertThat(state.journals()).containsExactly(state.journalPath(10));
            state.writeSnapshot(25, "twenty-five".getBytes(StandardCharsets.UTF_8), 10);
            StateDir.Snapshot s = state.latestSnapshot().orElseThrow();
            assertThat(s.seq()).isEqualTo(25);
            assertThat(new String(s.payload(), StandardCharsets.UTF_8)).isEqualTo("twenty-five");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("LOCK", "journal-00000000000000000010", "snapshot-00000000000000000025");
            }
        }
    }

    @Test
    void aDamagedSnapshotRefusesToLoad() throws IOException {
        try (StateDir state = StateDir.open(dir)) {
            state.writeSnapshot(3, "state".getBytes(StandardCharsets.UTF_8), 3);
            Path file = dir.resolve("snapshot-00000000000000000003");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 1] ^= 1;
            Files.write(file, bytes);
            assertThatThrownBy(state::latestSnapshot).isInstanceOf(StoreDamage.class).hasMessageContaining("fails its checksum");
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));
            assertThatThrownBy(state::latestSnapshot).isInstanceOf(StoreDamage.class).hasMessageContaining("header says");
        }
    }
}
