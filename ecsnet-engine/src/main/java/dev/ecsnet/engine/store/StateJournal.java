package dev.ecsnet.engine.store;

import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.CommandSink;
import dev.ecsnet.engine.Engine;

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
 * <p>Snapshots are not written yet (see docs/design-state.md): the journal holds every command since the folder was
 * first used, and a restart replays all of it. A folder holding a snapshot (from a newer ecsnet) is refused.
 */
public final class StateJournal implements CommandSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StateJournal.class.getName());
    static final long INTERVAL_MILLIS = 100;
    static final String SETTINGS_FILE = "SETTINGS";

    /** When appended records are forced to the device. */
    public enum Fsync {
        ALWAYS, INTERVAL
    }

    /** What opening found, for the start-up banner. */
    public record Opened(int records, int journals, long tornBytes, Path tornFile) {
    }

    private final StateDir dir;
    private final Fsync fsync;
    private final List<CommandRecord> records;
    private final Opened opened;
    private Path lastJournal;
    private JournalFile.Contents lastContents;
    private JournalFile journal;
    private ScheduledExecutorService flusher;

    private StateJournal(StateDir dir, Fsync fsync, List<CommandRecord> records, Opened opened, Path lastJournal,
                         JournalFile.Contents lastContents) {
        this.dir = dir;
        this.fsync = fsync;
        this.records = records;
        this.opened = opened;
        this.lastJournal = lastJournal;
        this.lastContents = lastContents;
    }

    /**
     * Locks and reads {@code path}. {@code settings} names what else decides how replayed commands behave (timing,
     * egress): it is kept in the folder, and a start with other settings is refused rather than replayed differently.
     */
    public static StateJournal open(Path path, Fsync fsync, String settings) {
        StateDir dir = StateDir.open(path);
        try {
            checkSettings(path, settings);
            if (!Files.isDirectory(path) || dir.latestSnapshot().isPresent()) {
                throw new IllegalStateException("the state dir " + path + " holds a snapshot, which this ecsnet does not read yet "
                        + "(it was written by a newer ecsnet)");
            }
            List<Path> journals = dir.journals();
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
                    long expected = records.isEmpty() ? contents.firstSeq() + n : records.get(records.size() - 1).seq() + 1;
                    if (r.seq() != expected) {
                        throw new StoreDamage(file, offset, "record " + r.seq() + " where record " + expected + " was expected");
                    }
                    if (records.isEmpty() && !r.isEpoch()) {
                        throw new StoreDamage(file, offset, "the first record is not an epoch record");
                    }
                    records.add(r);
                    offset += JournalFile.FRAME_HEADER_BYTES + bytes.length;
                }
                last = contents;
            }
            Path lastPath = journals.isEmpty() ? null : journals.get(journals.size() - 1);
            return new StateJournal(dir, fsync, records, new Opened(records.size(), journals.size(), tornBytes, tornFile), lastPath, last);
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
        if (records.isEmpty()) {
            List<CommandRecord> start = engine.history();
            journal = JournalFile.create(dir.journalPath(start.get(0).seq()), start.get(0).seq());
            start.forEach(r -> journal.append(r.encode()));
            journal.force();
        } else {
            engine.replay(records, runner);
            journal = JournalFile.append(lastJournal, lastContents);
        }
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
        if (fsync == Fsync.ALWAYS) {
            journal.force();
        }
    }

    @Override
    public void appendAll(List<CommandRecord> batch) {
        batch.forEach(r -> journal.append(r.encode()));
        if (fsync == Fsync.ALWAYS) {
            journal.force();
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
