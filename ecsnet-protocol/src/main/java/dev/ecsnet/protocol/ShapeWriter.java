package dev.ecsnet.protocol;

/**
 * Writes one answer shape member by member, in wire order, so that a render is written once and gives either a tree
 * ({@link #tree()}, for answers that are changed after rendering or go through the JSON codec) or EC2 Query XML
 * straight from the domain ({@link #ec2Xml()}) or a JSON 1.1 body ({@link #json()}), with no tree in between. Members are named as the wire names them;
 * a null text is an absent member; lists hold objects ({@link #item()}) whose XML element is {@code <item>}.
 */
public interface ShapeWriter {

    /** A text member; null writes nothing. */
    ShapeWriter value(String name, String text);

    ShapeWriter value(String name, long number);

    /** A number with a fraction (ECS's timestamps, epoch seconds). */
    ShapeWriter value(String name, double number);

    ShapeWriter value(String name, boolean flag);

    /**
     * A member holding a document as the domain keeps it (maps, lists, strings, numbers, booleans: a task's
     * overrides as the client sent them), written as JSON writes it. JSON answers only.
     */
    ShapeWriter document(String name, Object document);

    /** Starts an object member; {@link #end()} closes it. */
    ShapeWriter object(String name);

    /** Starts a list member (written even when it stays empty); {@link #end()} closes it. */
    ShapeWriter list(String name);

    /**
     * Starts a list member whose elements are named {@code itemName} rather than {@code item} (EC2's {@code groupSet}
     * of {@code <groupId>} elements, as the model's {@code locationName} of the list's member says).
     */
    ShapeWriter list(String name, String itemName);

    /** Starts an object item of the list being written; {@link #end()} closes it. */
    ShapeWriter item();

    /** A text item of the list being written (a list of strings); null writes nothing. */
    ShapeWriter item(String text);

    /** Closes the object, list or item started last. */
    ShapeWriter end();

    static TreeShapeWriter tree() {
        return new TreeShapeWriter();
    }

    /** The tree {@code render} writes: for the callers of a shared render that need a tree rather than XML. */
    static com.fasterxml.jackson.databind.node.ObjectNode tree(java.util.function.Consumer<? super ShapeWriter> render) {
        TreeShapeWriter tree = new TreeShapeWriter();
        render.accept(tree);
        return tree.root();
    }

    static Ec2XmlShapeWriter ec2Xml() {
        return new Ec2XmlShapeWriter();
    }

    static JsonShapeWriter json() {
        return new JsonShapeWriter();
    }
}
