package dev.ecsnet.engine.store;

import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.CommandSink;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --state-dir}: the folder's journal as the engine's {@link CommandSink}. Opening locks the folder and
 * reads every journal, oldest first (a torn tail of the last one is cut off and logged; damage anywhere else, or a
 * record this ecsnet cannot read, refuses to start naming the file and offset). {@link #restore} replays the records
 * into an engine and from then on appends each command, forced to disk before its answer leaves ({@link Fsync#ALWAYS})
 * or every 100 ms ({@link Fsync#INTERVAL}).
 *
 * <p>Every {@code snapshotEvery} records (and at shutdown, {@link #checkpoint}) the engine hands over its whole state
 * ({@link EngineSnapshot}); the journal moves on to a new file at that sequence number, and the snapshot is encoded
 * and written on a thread of its own, after which the journals it covers are deleted. A start restores the newest
 * snapshot and replays only the records after it; a crash before a snapshot is in place leaves the previous one and
 * every journal since, which give the same state.
 */
public final class StateJournal implements CommandSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StateJournal.class.getName());
    static final long INTERVAL_MILLIS = 100;
    static final String SETTINGS_FILE = "SETTINGS";

    /** When appended records are forced to the device. */
    public enum Fsync {
        ALWAYS, INTERVAL
    }

    /** How many records a journal file takes before the engine is asked for a snapshot. */
    public static final int DEFAULT_SNAPSHOT_EVERY = 10_000;

    /** What opening found, for the start-up banner; {@code snapshotSeq} is -1 without a snapshot. */
    public record Opened(int records, int journals, long tornBytes, Path tornFile, long snapshotSeq) {
    }

    private final StateDir dir;
    private final Fsync fsync;
    private final List<CommandRecord> records;
    private final Opened opened;
    private Path lastJournal;
    private JournalFile.Contents lastContents;
    private JournalFile journal;
    private ScheduledExecutorService flusher;
    private final StateDir.Snapshot base;
    private int snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
    private long appendedSinceSnapshot;
    private boolean hasSnapshot;
    private final java.util.concurrent.ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecsnet-snapshot-writer");
        t.setDaemon(true);
        return t;
    });

    private StateJournal(StateDir dir, Fsync fsync, List<CommandRecord> records, Opened opened, Path lastJournal,
                         JournalFile.Contents lastContents, StateDir.Snapshot base) {
        this.dir = dir;
        this.fsync = fsync;
        this.records = records;
        this.opened = opened;
        this.lastJournal = lastJournal;
        this.lastContents = lastContents;
        this.base = base;
        this.hasSnapshot = base != null;
    }

    /** How many records a journal takes before a snapshot (tests use small numbers); set before {@link #restore}. */
    public StateJournal snapshotEvery(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1");
        }
        this.snapshotEvery = records;
        return this;
    }

    /**
     * Locks and reads {@code path}. {@code settings} names what else decides how replayed commands behave (timing,
     * egress): it is kept in the folder, and a start with other settings is refused rather than replayed differently.
     */
    public static StateJournal open(Path path, Fsync fsync, String settings) {
        StateDir dir = StateDir.open(path);
        try {
            checkSettings(path, settings);
            dir.deleteUnfinishedSnapshots();
            StateDir.Snapshot snapshot = dir.latestSnapshot().orElse(null);
            long from = snapshot == null ? 0 : snapshot.seq();
            // journals a snapshot covers entirely are left only by a crash before their deletion
            List<Path> all = dir.journals();
            List<Path> journals = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i + 1 < all.size() && StateDir.sequenceOfJournal(all.get(i + 1)) <= from) {
                    continue;
                }
                journals.add(all.get(i));
            }
            List<CommandRecord> records = new ArrayList<>();
            long tornBytes = 0;
            Path tornFile = null;
            JournalFile.Contents last = null;
            for (int i = 0; i < journals.size(); i++) {
                Path file = journals.get(i);
                JournalFile.Contents contents = JournalFile.read(file);
                if (contents.hadTornTail()) {
                    if (i < journals.size() - 1) {
                        throw new StoreDamage(file, contents.tornAtOffset(), "a torn record in a journal that is not the last one");
                    }
                    tornBytes = contents.tornBytes();
                    tornFile = file;
                    LOG.log(System.Logger.Level.WARNING, "dropped a torn last record of " + file + " at offset " + contents.tornAtOffset()
                            + " (" + contents.tornBytes() + " bytes, never acknowledged)");
                }
                long offset = JournalFile.HEADER_BYTES;
                for (int n = 0; n < contents.records().size(); n++) {
                    byte[] bytes = contents.records().get(n);
                    CommandRecord r;
                    try {
                        r = CommandRecord.decode(bytes);
                    } catch (CommandRecord.UnsupportedFormat e) {
                        throw new StoreDamage(file, offset, e.getMessage());
                    }
                    offset += JournalFile.FRAME_HEADER_BYTES + bytes.length;
                    if (r.seq() < from) {
                        continue;
                    }
                    long expected = !records.isEmpty() ? records.get(records.size() - 1).seq() + 1
                            : snapshot != null ? from : contents.firstSeq() + n;
                    if (r.seq() != expected) {
                        throw new StoreDamage(file, offset - JournalFile.FRAME_HEADER_BYTES - bytes.length, "record " + r.seq()
                                + " where record " + expected + " was expected");
                    }
                    if (records.isEmpty() && snapshot == null && !r.isEpoch()) {
                        throw new StoreDamage(file, offset - JournalFile.FRAME_HEADER_BYTES - bytes.length,
                                "the first record is not an epoch record");
                    }
                    records.add(r);
                }
                last = contents;
            }
            Path lastPath = journals.isEmpty() ? null : journals.get(journals.size() - 1);
            return new StateJournal(dir, fsync, records, new Opened(records.size(), journals.size(), tornBytes, tornFile,
                    snapshot == null ? -1 : snapshot.seq()), lastPath, last, snapshot);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    private static void checkSettings(Path path, String settings) {
        Path file = path.resolve(SETTINGS_FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.equals(settings)) {
                    throw new IllegalStateException("the state dir " + path + " was written with " + kept + "; start with the same "
                            + "settings (now: " + settings + "), or use another --state-dir");
                }
            } else {
                Files.writeString(file, settings + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    public Opened opened() {
        return opened;
    }

    /** The records read at open, oldest first. */
    public List<CommandRecord> records() {
        return List.copyOf(records);
    }

    /**
     * Rebuilds {@code engine}'s state from the records read (through {@code runner}), then makes this journal the
     * engine's sink. A folder used for the first time gets the engine's current epoch as its first record.
     */
    public void restore(Engine engine, CommandRunner runner) {
        if (base != null) {
            long started = System.nanoTime();
            EngineSnapshot state = decode(base);
            long decoded = System.nanoTime();
            engine.replay(state, records, runner);
            LOG.log(System.Logger.Level.INFO, "snapshot " + base.seq() + " decoded in " + (decoded - started) / 1_000_000 + " ms; restored with "
                    + records.size() + " journal records replayed in " + (System.nanoTime() - decoded) / 1_000_000 + " ms");
            long next = records.isEmpty() ? base.seq() : records.get(records.size() - 1).seq() + 1;
            journal = lastJournal != null && lastContents.firstSeq() + lastContents.records().size() == next
                    ? JournalFile.append(lastJournal, lastContents) : JournalFile.create(dir.journalPath(next), next);
        } else if (records.isEmpty()) {
            List<CommandRecord> start = engine.history();
            journal = JournalFile.create(dir.journalPath(start.get(0).seq()), start.get(0).seq());
            start.forEach(r -> journal.append(r.encode()));
            journal.force();
        } else {
            engine.replay(records, runner);
            journal = JournalFile.append(lastJournal, lastContents);
        }
        appendedSinceSnapshot = journal.nextSeq() - journal.firstSeq();
        records.clear();
        lastContents = null;
        if (fsync == Fsync.INTERVAL) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ecsnet-journal-flush");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::forceQuietly, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        engine.journalTo(this);
    }

    @Override
    public void append(CommandRecord record) {
        journal.append(record.encode());
        appendedSinceSnapshot++;
        if (fsync == Fsync.ALWAYS) {
            journal.force();
        }
    }

    @Override
    public void appendAll(List<CommandRecord> batch) {
        batch.forEach(r -> journal.append(r.encode()));
        appendedSinceSnapshot += batch.size();
        if (fsync == Fsync.ALWAYS) {
            journal.force();
        }
    }

    @Override
    public boolean wantsSnapshot() {
        return appendedSinceSnapshot >= snapshotEvery;
    }

    /**
     * On the engine thread: the journal moves on to a file starting at the snapshot's sequence number, and the snapshot
     * is written behind it; until it is in place, the previous snapshot and the journals since still give this state.
     */
    @Override
    public void snapshot(EngineSnapshot state) {
        startJournalAt(state.nextSeq());
        snapshotWriter.execute(() -> {
            try {
                writeSnapshot(state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot write a snapshot; the journals since the last one are kept: " + e.getMessage(), e);
            }
        });
    }

    /**
     * A state load replaced everything: the loaded state becomes the folder's base before its caller hears back, since
     * the journals before it no longer describe the state.
     */
    @Override
    public void replaced(EngineSnapshot state) {
        startJournalAt(state.nextSeq());
        waitFor(snapshotWriter.submit(() -> writeSnapshot(state)));
    }

    /** A snapshot now if anything was journalled since the last one, written before this returns (at shutdown). */
    public void checkpoint(Engine engine) {
        if (journal == null || appendedSinceSnapshot == 0 && hasSnapshot) {
            return;
        }
        engine.checkpoint();
        awaitSnapshots();
    }

    /** Waits until every snapshot handed over so far is in place (or failed); for tests and shutdown. */
    public void awaitSnapshots() {
        waitFor(snapshotWriter.submit(() -> {
        }));
    }

    private void startJournalAt(long seq) {
        hasSnapshot = true;
        if (journal.firstSeq() != seq || journal.nextSeq() != seq) {
            journal.close();
            journal = JournalFile.create(dir.journalPath(seq), seq);
        }
        appendedSinceSnapshot = 0;
    }

    private void writeSnapshot(EngineSnapshot state) {
        long started = System.nanoTime();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 20);
        try (FastGzip gz = new FastGzip(bytes)) {
            SnapshotCodec.write(state, SnapshotCodec.Encoding.SMILE, gz);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.writeSnapshot(state.nextSeq(), bytes.toByteArray(), state.nextSeq());
        LOG.log(System.Logger.Level.INFO, "snapshot at record " + state.nextSeq() + " written: " + bytes.size() / 1024 + " KB in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static EngineSnapshot decode(StateDir.Snapshot snapshot) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(snapshot.payload()), 1 << 16)) {
            return SnapshotCodec.read(in, snapshot.version() == StateDir.SNAPSHOT_JSON_VERSION ? SnapshotCodec.Encoding.JSON : SnapshotCodec.Encoding.SMILE);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new StoreDamage(snapshot.file(), 0, "the snapshot does not restore: " + e.getMessage());
        }
    }

    /**
     * Gzip at its fastest level: a third of the bytes of plain Smile, and inflating them at a restart cost less than
     * reading the plain ones did (bench/README.md, "State").
     */
    private static final class FastGzip extends java.util.zip.GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws java.io.IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static void waitFor(java.util.concurrent.Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a snapshot", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

        private void forceQuietly() {
        try {
            journal.force();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot force the journal: " + e.getMessage(), e);
        }
    }

    public static Fsync fsync(String name) {
        return Fsync.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Lets go of the folder without forcing anything, as a killed process would (what was written stays in the page
     * cache): the crash tests use it, after {@link Engine#halt()}, to restart on the same folder in one JVM.
     */
    public void abandon() {
        snapshotWriter.shutdownNow();
        if (flusher != null) {
            flusher.shutdownNow();
        }
        try {
            journal.abandon();
        } catch (RuntimeException e) {
            // a crash leaves what it leaves
        }
        dir.close();
    }

    /** Forces what was appended and releases the folder. */
    @Override
    public void close() {
        snapshotWriter.shutdown();
        try {
            if (!snapshotWriter.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "a snapshot was still being written at close; the journals keep its records");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flusher != null) {
            flusher.shutdownNow();
        }
        try {
            if (journal != null) {
                journal.close();
            }
        } finally {
            dir.close();
        }
    }
}
