package dev.ecsnet.engine.store;

import dev.ecsnet.engine.CommandRecord;

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
 * The file of {@code ecsnet state save} and {@code state load}: every account and region as the commands of the
 * current epoch (an epoch record with the seed first), gzip-compressed. Inside the gzip stream: {@code ECSNETD}, the
 * format version (one byte), the record count, then each {@link CommandRecord#encode() record} as its length and
 * bytes. Loading replays the commands: the same ids, addresses and states come back, on any later ecsnet that still
 * serves the operations they name (the compatibility promise: format version 1 is read by every later release, a
 * newer version is refused by name).
 */
public final class StateDocument {
    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = "ECSNETD".getBytes(StandardCharsets.US_ASCII);
    /** Far above any real sandbox; a larger count can only be a damaged or foreign file. */
    private static final int MAX_RECORDS = 50_000_000;

    private StateDocument() {
    }

    public static byte[] write(List<CommandRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
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

    /** The records of a document; one that is not ecsnet's, damaged, or of a newer format is refused with why. */
    public static List<CommandRecord> read(byte[] document) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(document)))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CommandRecord.UnsupportedFormat("not an ecsnet state document");
            }
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new CommandRecord.UnsupportedFormat("state document format version " + version + " is not one this ecsnet reads (it reads "
                        + FORMAT_VERSION + "); load it with the ecsnet that saved it or a newer one");
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
            return records;
        } catch (ZipException e) {
            throw new CommandRecord.UnsupportedFormat("not an ecsnet state document (not gzip: " + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new CommandRecord.UnsupportedFormat("the state document is cut short");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
