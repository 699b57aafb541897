package dev.ecsnet.engine.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalFileTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path write(Path file, long firstSeq, List<String> records) {
        try (JournalFile j = JournalFile.create(file, firstSeq)) {
            for (String r : records) {
                j.append(utf8(r));
            }
            j.force();
        }
        return file;
    }

    private static List<String> texts(JournalFile.Contents c) {
        return c.records().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void recordsComeBackInOrderWithTheirSequenceNumbers() {
        Path file = write(dir.resolve("j"), 41, List.of("a", "bb", "ccc"));
        JournalFile.Contents c = JournalFile.read(file);
        assertThat(texts(c)).containsExactly("a", "bb", "ccc");
        assertThat(c.firstSeq()).isEqualTo(41);
        assertThat(c.hadTornTail()).isFalse();
        try (JournalFile j = JournalFile.append(file, c)) {
            assertThat(j.nextSeq()).isEqualTo(44);
            assertThat(j.append(utf8("d"))).isEqualTo(44);
        }
        assertThat(texts(JournalFile.read(file))).containsExactly("a", "bb", "ccc", "d");
    }

    @Test
    void aTornLastRecordIsDroppedAndCutOff() throws IOException {
        Path file = write(dir.resolve("j"), 0, List.of("first", "second", "third"));
        long full = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) full - 2));
        JournalFile.Contents c = JournalFile.read(file);
        assertThat(texts(c)).containsExactly("first", "second");
        assertThat(c.hadTornTail()).isTrue();
        assertThat(Files.size(file)).isEqualTo(c.tornAtOffset());
        assertThat(texts(JournalFile.read(file))).containsExactly("first", "second");
    }

    @Test
    void zerosAfterTheLastRecordAreATornTail() throws IOException {
        Path file = write(dir.resolve("j"), 0, List.of("one"));
        Files.write(file, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        JournalFile.Contents c = JournalFile.read(file);
        assertThat(texts(c)).containsExactly("one");
        assertThat(c.tornBytes()).isEqualTo(4096);
    }

    @Test
    void damageBeforeTheLastRecordRefusesWithFileAndOffset() throws IOException {
        Path file = write(dir.resolve("j"), 0, List.of("alpha", "beta", "gamma"));
        byte[] bytes = Files.readAllBytes(file);
        int firstPayload = JournalFile.HEADER_BYTES + JournalFile.FRAME_HEADER_BYTES;
        bytes[firstPayload + 1] ^= 0x40;
        Files.write(file, bytes);
        assertThatThrownBy(() -> JournalFile.read(file)).isInstanceOf(StoreDamage.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("at byte " + JournalFile.HEADER_BYTES)
                .hasMessageContaining("checksum mismatch");
        assertThat(Files.readAllBytes(file)).as("nothing is cut off a damaged journal").isEqualTo(bytes);
    }

    @Test
    void aDamagedFrameHeaderInTheMiddleRefuses() throws IOException {
        Path file = write(dir.resolve("j"), 0, List.of("alpha", "beta"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[JournalFile.HEADER_BYTES + 2] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> JournalFile.read(file)).isInstanceOf(StoreDamage.class).hasMessageContaining("damaged frame header");
    }

    @Test
    void anotherFormatVersionIsRefusedClearly() throws IOException {
        Path file = write(dir.resolve("j"), 0, List.of("x"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[JournalFile.MAGIC.length] = 9;
        Files.write(file, bytes);
        assertThatThrownBy(() -> JournalFile.read(file)).isInstanceOf(StoreDamage.class)
                .hasMessageContaining("journal format version 9 is not one this ecsnet reads (it reads 1)");
        Files.write(file, utf8("not a journal at all"));
        assertThatThrownBy(() -> JournalFile.read(file)).isInstanceOf(StoreDamage.class).hasMessageContaining("not an ecsnet journal");
    }

    /** Cutting the file anywhere keeps exactly the records written completely before the cut. */
    @Property(tries = 200)
    void aCutAnywhereKeepsEveryCompleteRecord(@ForAll @Size(min = 1, max = 12) List<@Size(min = 1, max = 40) String> records,
                                              @ForAll @IntRange(min = 0, max = 10_000) int cutSeed) throws IOException {
        Path file = Files.createTempFile("ecsnet-journal", "");
        Files.delete(file);
        write(file, 0, records);
        byte[] bytes = Files.readAllBytes(file);
        int cut = JournalFile.HEADER_BYTES + cutSeed % (bytes.length - JournalFile.HEADER_BYTES + 1);
        Files.write(file, java.util.Arrays.copyOf(bytes, cut));
        List<String> expected = new ArrayList<>();
        int end = JournalFile.HEADER_BYTES;
        for (String r : records) {
            end += JournalFile.FRAME_HEADER_BYTES + utf8(r).length;
            if (end <= cut) {
                expected.add(r);
            }
        }
        assertThat(texts(JournalFile.read(file))).isEqualTo(expected);
        Files.delete(file);
    }

    /** One flipped bit in any record but the last is never a silent loss. */
    @Property(tries = 200)
    void aFlippedBitBeforeTheLastRecordIsAlwaysReported(@ForAll @Size(min = 2, max = 8) List<@Size(min = 1, max = 30) String> records,
                                                        @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                        @ForAll @IntRange(min = 0, max = 7) int bit) throws IOException {
        Path file = Files.createTempFile("ecsnet-journal", "");
        Files.delete(file);
        write(file, 0, records);
        byte[] bytes = Files.readAllBytes(file);
        int lastFrame = bytes.length - JournalFile.FRAME_HEADER_BYTES - utf8(records.get(records.size() - 1)).length;
        int at = JournalFile.HEADER_BYTES + where % (lastFrame - JournalFile.HEADER_BYTES);
        bytes[at] ^= (byte) (1 << bit);
        Files.write(file, bytes);
        assertThatThrownBy(() -> JournalFile.read(file)).isInstanceOf(StoreDamage.class);
        Files.delete(file);
    }
}
