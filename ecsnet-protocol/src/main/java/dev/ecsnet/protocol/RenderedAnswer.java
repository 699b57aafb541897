package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer already written by a {@link ShapeWriter}: EC2 Query XML members ({@link Ec2XmlShapeWriter}), which
 * {@link Ec2QueryCodec} puts in its envelope as they are, or a whole JSON body ({@link JsonShapeWriter}), which
 * {@link Json11Codec} sends as it is. It travels through the operation tables (which pass {@link ObjectNode}s) and is
 * an empty tree to anything else: adding members to it, or giving it to a codec of another kind, is a programming
 * error and fails loudly.
 */
public final class RenderedAnswer extends ObjectNode {
    private final XmlWriter xmlMembers;
    private final byte[] jsonBody;

    private RenderedAnswer(XmlWriter xmlMembers, byte[] jsonBody) {
        super(JsonNodeFactory.instance);
        this.xmlMembers = xmlMembers;
        this.jsonBody = jsonBody;
    }

    static RenderedAnswer xml(XmlWriter members) {
        return new RenderedAnswer(members, null);
    }

    static RenderedAnswer json(byte[] body) {
        return new RenderedAnswer(null, body);
    }

    /** The members of the answer as XML elements, without the envelope: to be written once, into it. */
    XmlWriter xmlMembers() {
        return written(xmlMembers, "EC2 XML");
    }

    /** The answer's JSON body. */
    byte[] jsonBody() {
        return written(jsonBody, "JSON");
    }

    private <T> T written(T body, String kind) {
        if (body == null) {
            throw new IllegalStateException("an answer written for another codec reached the " + kind + " codec");
        }
        if (size() != 0) {
            throw new IllegalStateException("a rendered answer got tree members: " + this);
        }
        return body;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
