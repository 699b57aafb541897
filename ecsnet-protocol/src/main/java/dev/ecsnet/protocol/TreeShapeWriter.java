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

    @Override
    public ShapeWriter item() {
        open.push(((ArrayNode) open.peek()).addObject());
        return this;
    }

    @Override
    public ShapeWriter end() {
        open.pop();
        return this;
    }
}
