package dev.ecsnet.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One state-changing API call as it entered the engine (see docs/design-state.md): its sequence number, the logical
 * instant it ran at, the caller's account, region and verified access key (empty when signatures are not checked),
 * the service's signing name, the operation and the decoded request tree as JSON text. {@code secrets} are the secret
 * access keys the call drew (they come from a secure random source, not the seeded one, so replay reuses them).
 *
 * <p>An <em>epoch</em> record ({@link #EPOCH}) starts the state again from nothing with a seed, at its instant: the
 * first record of every journal and document, and what an admin reset or a state load journals.
 */
public record CommandRecord(long seq, Instant at, String accountId, String region, String caller, String service,
                            String operation, String params, List<String> secrets) {
    /** The version of {@link #encode()}; {@link #decode} reads this one and refuses newer ones. */
    public static final int FORMAT_VERSION = 1;
    public static final String ENGINE_SERVICE = "ecsnet";
    public static final String EPOCH = "Epoch";
    private static final Pattern SEED = Pattern.compile("\\{\"seed\":(-?\\d+)}");

    public CommandRecord {
        secrets = List.copyOf(secrets);
    }

    public static CommandRecord epoch(long seq, Instant at, long seed) {
        return new CommandRecord(seq, at, "", "", "", ENGINE_SERVICE, EPOCH, "{\"seed\":" + seed + "}", List.of());
    }

    public boolean isEpoch() {
        return service.equals(ENGINE_SERVICE) && operation.equals(EPOCH);
    }

    /** The seed an epoch record starts from. */
    public long epochSeed() {
        Matcher m = SEED.matcher(params);
        if (!isEpoch() || !m.matches()) {
            throw new IllegalStateException("record " + seq + " is not an epoch record: " + service + ":" + operation);
        }
        return Long.parseLong(m.group(1));
    }

    public CommandRecord withSeq(long newSeq) {
        return new CommandRecord(newSeq, at, accountId, region, caller, service, operation, params, secrets);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + params.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(seq);
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
            out.writeUTF(accountId);
            out.writeUTF(region);
            out.writeUTF(caller);
            out.writeUTF(service);
            out.writeUTF(operation);
            byte[] p = params.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(p.length);
            out.write(p);
            out.writeShort(secrets.size());
            for (String s : secrets) {
                out.writeUTF(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a record written by {@link #encode()}; a record from a newer ecsnet is refused by name. */
    public static CommandRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new UnsupportedFormat("command record format version " + version + " is not one this ecsnet reads (it reads "
                        + FORMAT_VERSION + "); use the ecsnet that wrote it or a newer one");
            }
            long seq = in.readLong();
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String accountId = in.readUTF();
            String region = in.readUTF();
            String caller = in.readUTF();
            String service = in.readUTF();
            String operation = in.readUTF();
            byte[] p = new byte[in.readInt()];
            in.readFully(p);
            int n = in.readUnsignedShort();
            List<String> secrets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                secrets.add(in.readUTF());
            }
            return new CommandRecord(seq, at, accountId, region, caller, service, operation,
                    new String(p, java.nio.charset.StandardCharsets.UTF_8), secrets);
        } catch (IOException e) {
            throw new UnsupportedFormat("a command record cut short or not written by ecsnet (" + e + ")");
        }
    }

    /** A record or document ecsnet cannot read: written by a newer version, or not by ecsnet at all. */
    public static final class UnsupportedFormat extends RuntimeException {
        public UnsupportedFormat(String message) {
            super(message);
        }
    }
}
