package dev.ecsnet.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link ShapeWriter} that writes EC2 Query XML as it goes: the members of the answer, to be put in its envelope
 * by {@link Ec2QueryCodec} ({@link #answer()}). Written as {@link XmlWriter} writes the same shape from a tree, byte
 * for byte: elements in member order, {@code <item>} per list element, booleans and numbers as their text.
 */
public final class Ec2XmlShapeWriter implements ShapeWriter {
    private final XmlWriter xml = new XmlWriter();
    private final Deque<String> open = new ArrayDeque<>();

    Ec2XmlShapeWriter() {
    }

    @Override
    public ShapeWriter value(String name, String text) {
        if (text != null) {
            xml.element(name, text);
        }
        return this;
    }

    @Override
    public ShapeWriter value(String name, long number) {
        xml.open(name).number(number).close(name);
        return this;
    }

    @Override
    public ShapeWriter value(String name, boolean flag) {
        xml.open(name).literal(flag ? "true" : "false").close(name);
        return this;
    }

    @Override
    public ShapeWriter object(String name) {
        return start(name);
    }

    @Override
    public ShapeWriter list(String name) {
        return start(name);
    }

    @Override
    public ShapeWriter item() {
        return start("item");
    }

    private ShapeWriter start(String name) {
        xml.open(name);
        open.push(name);
        return this;
    }

    @Override
    public ShapeWriter end() {
        xml.close(open.pop());
        return this;
    }

    /** The answer written, for the codec; every member must be closed. */
    public RenderedAnswer answer() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed members: " + open);
        }
        return new RenderedAnswer(xml.toString());
    }
}
