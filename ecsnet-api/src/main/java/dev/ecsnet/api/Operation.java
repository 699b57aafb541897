package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One AWS operation: reads the call's parameters, changes or reads state, returns the output shape as a tree. */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(Call call);
}
