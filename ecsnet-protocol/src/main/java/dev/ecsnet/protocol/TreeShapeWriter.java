package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link ShapeWriter} that builds the shape as a Jackson tree, as every other answer is built. */
public final class TreeShapeWriter implements ShapeWriter {
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();

    TreeShapeWriter() {
        open.push(root);
    }

    /** The shape written so far. */
    public ObjectNode root() {
        return root;
    }

    private ObjectNode object() {
        return (ObjectNode) open.peek();
    }

    @Override
    public ShapeWriter value(String name, String text) {
        if (text != null) {
            object().put(name, text);
        }
        return this;
    }

    @Override
    public ShapeWriter value(String name, long number) {
        if (number == (int) number) {
            object().put(name, (int) number);
        } else {
            object().put(name, number);
        }
        return this;
    }

    @Override
    public ShapeWriter value(String name, double number) {
        object().put(name, number);
        return this;
    }

    @Override
    public ShapeWriter document(String name, Object document) {
        object().set(name, Json11Codec.MAPPER.valueToTree(document));
        return this;
    }

    @Override
    public ShapeWriter value(String name, boolean flag) {
        object().put(name, flag);
        return this;
    }

    @Override
    public ShapeWriter object(String name) {
        open.push(object().putObject(name));
        return this;
    }

    @Override
    public ShapeWriter list(String name) {
        open.push(object().putArray(name));
        return this;
    }

    /** A list named by its items is the tree {@link XmlWriter} writes as one such element per item: {@code {"@itemName": [...]}}. */
    @Override
    public ShapeWriter list(String name, String itemName) {
        open.push(object().putObject(name).putArray("@" + itemName));
        return this;
    }

    @Override
    public ShapeWriter item() {
        open.push(list().addObject());
        return this;
    }

    @Override
    public ShapeWriter item(String text) {
        ArrayNode list = list();
        if (text != null) {
            list.add(text);
        }
        return this;
    }

    private ArrayNode list() {
        if (!(open.peek() instanceof ArrayNode list)) {
            throw new IllegalStateException("an item outside a list");
        }
        return list;
    }

    @Override
    public ShapeWriter end() {
        open.pop();
        return this;
    }
}
