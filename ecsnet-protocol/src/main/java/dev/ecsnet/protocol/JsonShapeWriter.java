package dev.ecsnet.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link ShapeWriter} that writes a JSON 1.1 answer body as it goes ({@link #answer()}), with Jackson's streaming
 * generator: the bytes Jackson writes for the same shape as a tree, since members, numbers and escaping go through
 * the same generator. Lists named by their items are plain arrays here (item names are XML's).
 */
public final class JsonShapeWriter implements ShapeWriter {
    private final ByteArrayBuilder bytes = new ByteArrayBuilder(Json11Codec.MAPPER.getFactory()._getBufferRecycler(), 4096);
    private final JsonGenerator json;
    /** For each open member, whether it is a list. */
    private final Deque<Boolean> open = new ArrayDeque<>();

    JsonShapeWriter() {
        try {
            json = Json11Codec.MAPPER.getFactory().createGenerator(bytes);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private JsonShapeWriter write(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory", e);
        }
        return this;
    }

    @Override
    public JsonShapeWriter value(String name, String text) {
        return text == null ? this : write(() -> json.writeStringField(name, text));
    }

    @Override
    public JsonShapeWriter value(String name, long number) {
        return write(() -> json.writeNumberField(name, number));
    }

    @Override
    public JsonShapeWriter value(String name, double number) {
        return write(() -> json.writeNumberField(name, number));
    }

    @Override
    public JsonShapeWriter value(String name, boolean flag) {
        return write(() -> json.writeBooleanField(name, flag));
    }

    @Override
    public JsonShapeWriter document(String name, Object document) {
        return write(() -> {
            json.writeFieldName(name);
            json.writeObject(document);
        });
    }

    @Override
    public JsonShapeWriter object(String name) {
        open.push(false);
        return write(() -> json.writeObjectFieldStart(name));
    }

    @Override
    public JsonShapeWriter list(String name) {
        open.push(true);
        return write(() -> json.writeArrayFieldStart(name));
    }

    @Override
    public JsonShapeWriter list(String name, String itemName) {
        return list(name);
    }

    @Override
    public JsonShapeWriter item() {
        inList();
        open.push(false);
        return write(json::writeStartObject);
    }

    @Override
    public JsonShapeWriter item(String text) {
        inList();
        return text == null ? this : write(() -> json.writeString(text));
    }

    private void inList() {
        if (open.isEmpty() || !open.peek()) {
            throw new IllegalStateException("an item outside a list");
        }
    }

    @Override
    public JsonShapeWriter end() {
        boolean list = open.pop();
        return write(list ? json::writeEndArray : json::writeEndObject);
    }

    /** The body written; every member must be closed. */
    public RenderedAnswer answer() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " unclosed members");
        }
        write(() -> {
            json.writeEndObject();
            json.close();
        });
        byte[] body = bytes.toByteArray();
        bytes.release();
        return RenderedAnswer.json(body);
    }
}
