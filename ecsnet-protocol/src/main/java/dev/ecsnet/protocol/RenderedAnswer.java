package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An EC2 Query answer whose members are already written as XML ({@link Ec2XmlShapeWriter}), handed through the
 * operation tables (which pass {@link ObjectNode}s) to {@link Ec2QueryCodec}, which puts it in the envelope as it is.
 * It is an empty tree to anything else: adding members to it, or giving it to another codec, is a programming error
 * and fails loudly.
 */
public final class RenderedAnswer extends ObjectNode {
    private final String xmlMembers;

    RenderedAnswer(String xmlMembers) {
        super(JsonNodeFactory.instance);
        this.xmlMembers = xmlMembers;
    }

    /** The members of the answer as XML elements, without the envelope. */
    String xmlMembers() {
        if (size() != 0) {
            throw new IllegalStateException("a rendered answer got tree members: " + this);
        }
        return xmlMembers;
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
