package dev.ecsnet.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The folder behind {@code serve --state-dir}: a lock file, snapshots and journals.
 *
 * <pre>
 *   LOCK                            held (and naming its pid) while a server uses the folder
 *   snapshot-00000000000000001234   the whole state after the first 1234 journal records
 *   journal-00000000000000001234    records 1234, 1235, ... (see {@link JournalFile})
 * </pre>
 *
 * A snapshot is written to a temporary file, forced, renamed into place and the folder forced, so a crash leaves
 * either the old snapshot or the new one, never half of one. Only then are the journals it covers deleted. A snapshot
 * file is {@code ECSNETS}, its format version, the sequence number it covers, the payload's length and CRC32C, then
 * the payload: version 2 (written now) is a gzipped Smile {@link dev.ecsnet.engine.EngineSnapshot}, version 1 (still
 * read) the same as gzipped JSON ({@link SnapshotCodec}).
 */
public final class StateDir implements AutoCloseable {
    static final byte[] SNAPSHOT_MAGIC = "ECSNETS".getBytes(StandardCharsets.US_ASCII);
    public static final int SNAPSHOT_FORMAT_VERSION = 2;
    static final int SNAPSHOT_JSON_VERSION = 1;
    private static final int SNAPSHOT_HEADER_BYTES = 7 + 1 + 8 + 4 + 4;
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{20})");

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDir(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * A snapshot read back: the sequence number of the first journal record it does not contain, its format version
     * and its bytes.
     */
    public record Snapshot(Path file, long seq, int version, byte[] payload) {
    }

    /** Opens (creating it if needed) and locks {@code dir}; a second server on the same folder is refused. */
    public static StateDir open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path lockFile = dir.resolve("LOCK");
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
                ch.close();
                throw new IllegalStateException("the state dir " + dir + " is in use by another ecsnet"
                        + (holder.isEmpty() ? "" : " (" + holder + ")"));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new StateDir(dir, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the state dir " + dir, e);
        }
    }

    public Path path() {
        return dir;
    }

    public Path journalPath(long firstSeq) {
        return dir.resolve("journal-" + String.format("%020d", firstSeq));
    }

    /** The journals in the folder, oldest first. */
    public List<Path> journals() {
        return numbered(JOURNAL);
    }

    /** The newest snapshot, if any; a damaged one refuses to load, naming the file and offset. */
    public Optional<Snapshot> latestSnapshot() {
        List<Path> snapshots = numbered(SNAPSHOT);
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        Path file = snapshots.get(snapshots.size() - 1);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < SNAPSHOT_HEADER_BYTES) {
                throw new StoreDamage(file, 0, "the snapshot header is missing (" + bytes.length + " bytes)");
            }
            for (int i = 0; i < SNAPSHOT_MAGIC.length; i++) {
                if (bytes[i] != SNAPSHOT_MAGIC[i]) {
                    throw new StoreDamage(file, 0, "not an ecsnet snapshot");
                }
            }
            ByteBuffer b = ByteBuffer.wrap(bytes, SNAPSHOT_MAGIC.length, SNAPSHOT_HEADER_BYTES - SNAPSHOT_MAGIC.length);
            int version = b.get();
            if (version != SNAPSHOT_FORMAT_VERSION && version != SNAPSHOT_JSON_VERSION) {
                throw new StoreDamage(file, SNAPSHOT_MAGIC.length, "snapshot format version " + version
                        + " is not one this ecsnet reads (it reads " + SNAPSHOT_JSON_VERSION + " and " + SNAPSHOT_FORMAT_VERSION + ")");
            }
            long seq = b.getLong();
            int length = b.getInt();
            int expected = b.getInt();
            if (length < 0 || length != bytes.length - SNAPSHOT_HEADER_BYTES) {
                throw new StoreDamage(file, SNAPSHOT_HEADER_BYTES, "the snapshot holds " + (bytes.length - SNAPSHOT_HEADER_BYTES)
                        + " payload bytes, its header says " + length);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, SNAPSHOT_HEADER_BYTES, length);
            if ((int) crc.getValue() != expected) {
                throw new StoreDamage(file, SNAPSHOT_HEADER_BYTES, "the snapshot fails its checksum");
            }
            byte[] payload = new byte[length];
            System.arraycopy(bytes, SNAPSHOT_HEADER_BYTES, payload, 0, length);
            return Optional.of(new Snapshot(file, seq, version, payload));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file, e);
        }
    }

    /**
     * Writes a snapshot covering the journal records before {@code seq}, durably, then deletes older snapshots and
     * the journals whose records it covers entirely ({@code keepJournalFrom}: the first journal still needed).
     */
    public void writeSnapshot(long seq, byte[] payload, long keepJournalFrom) {
        writeSnapshot(seq, SNAPSHOT_FORMAT_VERSION, payload, keepJournalFrom);
    }

    /** As {@link #writeSnapshot(long, byte[], long)}, in an older format {@code version} (for tests of reading it). */
    void writeSnapshot(long seq, int version, byte[] payload, long keepJournalFrom) {
        Path target = dir.resolve("snapshot-" + String.format("%020d", seq));
        Path tmp = dir.resolve("snapshot-" + String.format("%020d", seq) + ".tmp");
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer header = ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES);
        header.put(SNAPSHOT_MAGIC).put((byte) version).putLong(seq).putInt(payload.length).putInt((int) crc.getValue()).flip();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer body = ByteBuffer.wrap(payload);
            while (header.hasRemaining()) {
                ch.write(header);
            }
            while (body.hasRemaining()) {
                ch.write(body);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + tmp, e);
        }
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
            for (Path old : numbered(SNAPSHOT)) {
                if (sequence(old, SNAPSHOT) < seq) {
                    Files.deleteIfExists(old);
                }
            }
            for (Path journal : journals()) {
                if (sequence(journal, JOURNAL) < keepJournalFrom) {
                    Files.deleteIfExists(journal);
                }
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the snapshot " + target + " in place", e);
        }
    }

    /** Removes what a crash during {@link #writeSnapshot} left: a temporary file never renamed into place. */
    public void deleteUnfinishedSnapshots() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("snapshot-\\d{20}\\.tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the state dir " + dir, e);
        }
    }

    public static long sequenceOfJournal(Path journal) {
        return sequence(journal, JOURNAL);
    }

    private static long sequence(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Long.parseLong(m.group(1));
    }

    private List<Path> numbered(Pattern pattern) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>(files.filter(p -> pattern.matcher(p.getFileName().toString()).matches()).toList());
            out.sort((a, b) -> Long.compare(sequence(a, pattern), sequence(b, pattern)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the state dir " + dir, e);
        }
    }

    /** Makes a rename or a new file in {@code dir} durable (a no-op where the platform cannot open folders). */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for reading; the rename is then as durable as they make it.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
