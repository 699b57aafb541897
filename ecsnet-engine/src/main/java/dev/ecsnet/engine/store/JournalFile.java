package dev.ecsnet.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each framed as {@code [length][~length][crc32c of payload][payload]} (big-endian
 * 32-bit integers) after a 16-byte header ({@code ECSNETJ}, the format version, the sequence number of its first
 * record). One writer appends and forces the file to disk; a crash can only tear what was written last.
 *
 * <p>Reading back tells a torn tail from damage. The length is stored twice (plain and complemented), so a frame
 * header is either intact, and its length can be trusted, or visibly broken. A frame that runs past the end of the
 * file, a frame header cut short, or a bad frame followed by nothing but zeros (space the file system extended but
 * never wrote) is a torn tail: it was never acknowledged, so it is dropped and the file is cut back to the last good
 * frame. A bad frame with data after it is damage to acknowledged records: {@link StoreDamage} names the file and
 * the offset, and nothing is dropped.
 */
public final class JournalFile implements AutoCloseable {
    static final byte[] MAGIC = "ECSNETJ".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int FRAME_HEADER_BYTES = 12;
    /** Far above any request ecsnet accepts; a larger length can only be damage. */
    static final int MAX_RECORD_BYTES = 64 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long firstSeq;
    private long records;
    /** Cleared before each force, so that a record appended while another thread forces is forced next time. */
    private volatile boolean dirty;

    private JournalFile(Path path, FileChannel channel, long firstSeq, long records) {
        this.path = path;
        this.channel = channel;
        this.firstSeq = firstSeq;
        this.records = records;
    }

    /** What reading a journal found: its records, and the torn tail that was cut off, if any. */
    public record Contents(long firstSeq, List<byte[]> records, long tornBytes, long tornAtOffset) {
        public boolean hadTornTail() {
            return tornBytes > 0;
        }
    }

    /** Creates a new, empty journal whose first record will have sequence number {@code firstSeq}. */
    public static JournalFile create(Path path, long firstSeq) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            header.put(MAGIC).put((byte) FORMAT_VERSION).putLong(firstSeq).flip();
            while (header.hasRemaining()) {
                ch.write(header);
            }
            ch.force(true);
            StateDir.forceDirectory(path.getParent());
            return new JournalFile(path, ch, firstSeq, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + path, e);
        }
    }

    /** Reads every acknowledged record of {@code path}; a torn tail is reported in the answer and cut off the file. */
    public static Contents read(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            long firstSeq = checkHeader(path, bytes);
            List<byte[]> out = new ArrayList<>();
            int at = HEADER_BYTES;
            CRC32C crc = new CRC32C();
            while (at < bytes.length) {
                String damage = null;
                boolean torn;
                int length = 0;
                if (bytes.length - at < FRAME_HEADER_BYTES) {
                    torn = true;
                } else {
                    ByteBuffer b = ByteBuffer.wrap(bytes, at, FRAME_HEADER_BYTES);
                    length = b.getInt();
                    int check = b.getInt();
                    int expected = b.getInt();
                    if (check != ~length || length < 0 || length > MAX_RECORD_BYTES) {
                        torn = onlyZerosFrom(bytes, at);
                        damage = "a damaged frame header";
                    } else if ((long) at + FRAME_HEADER_BYTES + length > bytes.length) {
                        torn = true;
                    } else {
                        crc.reset();
                        crc.update(bytes, at + FRAME_HEADER_BYTES, length);
                        if ((int) crc.getValue() == expected) {
                            byte[] record = new byte[length];
                            System.arraycopy(bytes, at + FRAME_HEADER_BYTES, record, 0, length);
                            out.add(record);
                            at += FRAME_HEADER_BYTES + length;
                            continue;
                        }
                        torn = onlyZerosFrom(bytes, at + FRAME_HEADER_BYTES + length);
                        damage = "a checksum mismatch";
                    }
                }
                if (!torn) {
                    throw new StoreDamage(path, at, damage + " with records after it: acknowledged records are damaged");
                }
                long tornBytes = bytes.length - at;
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    ch.truncate(at);
                    ch.force(true);
                }
                return new Contents(firstSeq, out, tornBytes, at);
            }
            return new Contents(firstSeq, out, 0, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + path, e);
        }
    }

    /** Opens an existing journal (already {@link #read}) for appending after its last record. */
    public static JournalFile append(Path path, Contents contents) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
            ch.position(ch.size());
            return new JournalFile(path, ch, contents.firstSeq(), contents.records().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + path, e);
        }
    }

    private static long checkHeader(Path path, byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new StoreDamage(path, 0, "the header is missing (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new StoreDamage(path, 0, "not an ecsnet journal");
            }
        }
        int version = bytes[MAGIC.length];
        if (version != FORMAT_VERSION) {
            throw new StoreDamage(path, MAGIC.length, "journal format version " + version + " is not one this ecsnet reads (it reads "
                    + FORMAT_VERSION + ")");
        }
        return ByteBuffer.wrap(bytes, MAGIC.length + 1, 8).getLong();
    }

    private static boolean onlyZerosFrom(byte[] bytes, int from) {
        for (int i = Math.max(0, from); i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public Path path() {
        return path;
    }

    public long firstSeq() {
        return firstSeq;
    }

    /** The sequence number the next record appended gets. */
    public long nextSeq() {
        return firstSeq + records;
    }

    /** Appends one record; it is durable once {@link #force()} returns. Returns its sequence number. */
    public long append(byte[] payload) {
        if (payload.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a journal record of " + payload.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt(~payload.length).putInt((int) crc.getValue()).put(payload).flip();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + path, e);
        }
        dirty = true;
        return firstSeq + records++;
    }

    /** Forces every appended record to the device. */
    public void force() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the journal " + path + " to disk", e);
        }
    }

    /** Closes the file without forcing it (see {@link StateJournal#abandon()}). */
    void abandon() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            force();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
