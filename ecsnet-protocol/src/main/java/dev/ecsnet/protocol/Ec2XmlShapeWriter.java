package dev.ecsnet.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link ShapeWriter} that writes EC2 Query XML as it goes: the members of the answer, to be put in its envelope
 * by {@link Ec2QueryCodec} ({@link #answer()}). Written as {@link XmlWriter} writes the same shape from a tree, byte
 * for byte: elements in member order, {@code <item>} (or the list's own item name) per list element, booleans and
 * numbers as their text.
 */
public final class Ec2XmlShapeWriter implements ShapeWriter {
    private final XmlWriter xml = new XmlWriter();
    /** The open elements, outermost first, and for each the element name of its items when it is a list, else null. */
    private String[] openNames = new String[16];
    private String[] openItemNames = new String[16];
    private int depth;

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
        String itemName = depth == 0 ? null : openItemNames[depth - 1];
        if (itemName == null) {
            throw new IllegalStateException("an item outside a list, in " + openElements());
        }
        return itemName;
    }

    private Ec2XmlShapeWriter start(String name, String itemName) {
        xml.open(name);
        if (depth == openNames.length) {
            openNames = Arrays.copyOf(openNames, depth * 2);
            openItemNames = Arrays.copyOf(openItemNames, depth * 2);
        }
        openNames[depth] = name;
        openItemNames[depth++] = itemName;
        return this;
    }

    @Override
    public Ec2XmlShapeWriter end() {
        if (depth == 0) {
            throw new IllegalStateException("end() with no open member");
        }
        xml.close(openNames[--depth]);
        return this;
    }

    /** The answer written, for the codec; every member must be closed. */
    public RenderedAnswer answer() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed members: " + openElements());
        }
        return RenderedAnswer.xml(xml);
    }

    private List<String> openElements() {
        return Arrays.asList(openNames).subList(0, depth);
    }
}
