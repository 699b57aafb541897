package dev.ecsnet.engine.store;

import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineSnapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The file of {@code ecsnet state save} and {@code state load}, gzip-compressed; inside the gzip stream {@code ECSNETD}
 * and the format version (one byte), then:
 * <ul>
 *   <li>version 2 (written now): the whole state as JSON, an {@link EngineSnapshot} ({@link SnapshotCodec}): every
 *   account and region as records, the pending timers, the clock and the seed. Loading restores it as it was.</li>
 *   <li>version 1 (still read): the commands of the epoch, an epoch record with the seed first: the record count,
 *   then each {@link CommandRecord#encode() record} as its length and bytes. Loading replays the commands.</li>
 * </ul>
 * The compatibility promise: every later release reads versions 1 and 2; a newer version is refused by name.
 */
public final class StateDocument {
    public static final int FORMAT_VERSION = 2;
    static final int COMMANDS_VERSION = 1;
    static final byte[] MAGIC = "ECSNETD".getBytes(StandardCharsets.US_ASCII);
    /** Far above any real sandbox; a larger count can only be a damaged or foreign file. */
    private static final int MAX_RECORDS = 50_000_000;

    private StateDocument() {
    }

    /** What a document holds: a snapshot (version 2) or the commands to replay (version 1). */
    public record Contents(int version, EngineSnapshot snapshot, List<CommandRecord> commands) {
        /** Replaces {@code engine}'s state with this one. */
        public void loadInto(Engine engine, CommandRunner runner) {
            if (snapshot != null) {
                engine.load(snapshot);
            } else {
                engine.load(commands, runner);
            }
        }

        /** For a caller's answer: how many commands were replayed (version 1), or -1 (a snapshot was restored). */
        public int commandCount() {
            return commands == null ? -1 : commands.size() - 1;
        }
    }

    /** The current format: the whole state as records. */
    public static byte[] write(EngineSnapshot state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            gz.write(MAGIC);
            gz.write(FORMAT_VERSION);
            SnapshotCodec.write(state, gz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Format version 1, the commands of the epoch (kept so that tests can write the files older releases wrote). */
    public static byte[] writeCommands(List<CommandRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.write(MAGIC);
            out.writeByte(COMMANDS_VERSION);
            out.writeInt(records.size());
            for (CommandRecord r : records) {
                byte[] b = r.encode();
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What a document holds; one that is not ecsnet's, damaged, or of a newer format is refused with why. */
    public static Contents read(byte[] document) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(document)))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CommandRecord.UnsupportedFormat("not an ecsnet state document");
            }
            int version = in.readUnsignedByte();
            if (version == FORMAT_VERSION) {
                try {
                    return new Contents(version, SnapshotCodec.read(in), null);
                } catch (IllegalArgumentException e) {
                    throw new CommandRecord.UnsupportedFormat(e.getMessage());
                }
            }
            if (version != COMMANDS_VERSION) {
                throw new CommandRecord.UnsupportedFormat("state document format version " + version + " is not one this ecsnet reads (it reads "
                        + COMMANDS_VERSION + " and " + FORMAT_VERSION + "); load it with the ecsnet that saved it or a newer one");
            }
            int count = in.readInt();
            if (count < 1 || count > MAX_RECORDS) {
                throw new CommandRecord.UnsupportedFormat("a state document of " + count + " records: damaged");
            }
            List<CommandRecord> records = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                if (length < 0 || length > JournalFile.MAX_RECORD_BYTES) {
                    throw new CommandRecord.UnsupportedFormat("record " + i + " of the state document has a length of " + length + ": damaged");
                }
                byte[] b = new byte[length];
                in.readFully(b);
                records.add(CommandRecord.decode(b));
            }
            if (!records.get(0).isEpoch()) {
                throw new CommandRecord.UnsupportedFormat("the state document does not start with an epoch record");
            }
            return new Contents(version, null, records);
        } catch (ZipException e) {
            throw new CommandRecord.UnsupportedFormat("not an ecsnet state document (not gzip: " + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new CommandRecord.UnsupportedFormat("the state document is cut short");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
