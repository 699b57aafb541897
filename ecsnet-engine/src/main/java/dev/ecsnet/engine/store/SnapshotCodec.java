package dev.ecsnet.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.ecsnet.engine.EngineSnapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An {@link EngineSnapshot} as JSON or Smile: every record by its component names (fields, never helper methods),
 * instants as ISO-8601 text. The domain's records are plain data by rule (docs/design-state.md, "Snapshot records"),
 * so one generic mapping covers every aggregate, including ones added later.
 * <p>
 * JSON is for the documents users keep and read ({@code state save}); Smile, Jackson's binary JSON, is for the state
 * dir's own snapshots, which a restart must read fast: the same records in a third of the bytes, decoded in about
 * two thirds of the time. A short string (up to 64 bytes) seen among the last 1,024 is referred to rather than
 * written again, and decodes to the same String, so the restored state shares one copy of each repeated id and status.
 */
public final class SnapshotCodec {
    /** How the records are written; both read back the same records. */
    public enum Encoding {
        JSON, SMILE
    }

    private static final ObjectMapper JSON = configured(JsonMapper.builder());
    private static final ObjectMapper SMILE = configured(SmileMapper.builder(SmileFactory.builder()
            .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES).build()));

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configured(B builder) {
        return builder.disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantText())
                        .addDeserializer(Instant.class, new InstantParser()))
                .build();
    }

    private SnapshotCodec() {
    }

    /** Writes {@code snapshot} to {@code out} as JSON, leaving it open (a gzip stream still needs its trailer). */
    public static void write(EngineSnapshot snapshot, OutputStream out) {
        write(snapshot, Encoding.JSON, out);
    }

    /** Writes {@code snapshot} to {@code out} in {@code encoding}, leaving it open. */
    public static void write(EngineSnapshot snapshot, Encoding encoding, OutputStream out) {
        try {
            mapper(encoding).writeValue(out, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] toJson(EngineSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        write(snapshot, out);
        return out.toByteArray();
    }

    /** The snapshot {@code in} holds as JSON; one that does not map onto this ecsnet's records is refused with why. */
    public static EngineSnapshot read(InputStream in) {
        return read(in, Encoding.JSON);
    }

    /** The snapshot {@code in} holds in {@code encoding}; one that does not map onto this ecsnet's records is refused with why. */
    public static EngineSnapshot read(InputStream in, Encoding encoding) {
        try {
            return mapper(encoding).readValue(in, EngineSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the snapshot does not match this ecsnet's state records: " + e.getOriginalMessage()
                    + " (at " + e.getLocation() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper(Encoding encoding) {
        return encoding == Encoding.SMILE ? SMILE : JSON;
    }

    private static final class InstantText extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantParser extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return IsoInstants.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
