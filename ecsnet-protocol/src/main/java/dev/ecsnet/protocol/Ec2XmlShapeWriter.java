package dev.ecsnet.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link ShapeWriter} that writes EC2 Query XML as it goes: the members of the answer, to be put in its envelope
 * by {@link Ec2QueryCodec} ({@link #answer()}). Written as {@link XmlWriter} writes the same shape from a tree, byte
 * for byte: elements in member order, {@code <item>} (or the list's own item name) per list element, booleans and
 * numbers as their text.
 */
public final class Ec2XmlShapeWriter implements ShapeWriter {
    /** An open element; {@code itemName} is the element name of its items when it is a list, else null. */
    private record Open(String name, String itemName) {
    }

    private final XmlWriter xml = new XmlWriter();
    private final Deque<Open> open = new ArrayDeque<>();

    Ec2XmlShapeWriter() {
    }

    @Override
    public Ec2XmlShapeWriter value(String name, String text) {
        if (text != null) {
            xml.element(name, text);
        }
        return this;
    }

    @Override
    public Ec2XmlShapeWriter value(String name, long number) {
        xml.open(name).number(number).close(name);
        return this;
    }

    @Override
    public Ec2XmlShapeWriter value(String name, double number) {
        xml.open(name).literal(Double.toString(number)).close(name);
        return this;
    }

    /** EC2's shapes have no document members. */
    @Override
    public Ec2XmlShapeWriter document(String name, Object document) {
        throw new UnsupportedOperationException("EC2 Query answers have no document members: " + name);
    }

    @Override
    public Ec2XmlShapeWriter value(String name, boolean flag) {
        xml.open(name).literal(flag ? "true" : "false").close(name);
        return this;
    }

    @Override
    public Ec2XmlShapeWriter object(String name) {
        return start(name, null);
    }

    @Override
    public Ec2XmlShapeWriter list(String name) {
        return start(name, "item");
    }

    @Override
    public Ec2XmlShapeWriter list(String name, String itemName) {
        return start(name, itemName);
    }

    @Override
    public Ec2XmlShapeWriter item() {
        return start(itemName(), null);
    }

    @Override
    public Ec2XmlShapeWriter item(String text) {
        String itemName = itemName();
        if (text != null) {
            xml.element(itemName, text);
        }
        return this;
    }

    private String itemName() {
        Open list = open.peek();
        if (list == null || list.itemName() == null) {
            throw new IllegalStateException("an item outside a list, in " + open);
        }
        return list.itemName();
    }

    private Ec2XmlShapeWriter start(String name, String itemName) {
        xml.open(name);
        open.push(new Open(name, itemName));
        return this;
    }

    @Override
    public Ec2XmlShapeWriter end() {
        xml.close(open.pop().name());
        return this;
    }

    /** The answer written, for the codec; every member must be closed. */
    public RenderedAnswer answer() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed members: " + open);
        }
        return RenderedAnswer.xml(xml);
    }
}
