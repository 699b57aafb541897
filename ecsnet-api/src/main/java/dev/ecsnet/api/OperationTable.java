package dev.ecsnet.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The operations one service serves, by their AWS names. Nothing is dispatched by reflection. */
public final class OperationTable {
    private final Map<String, Operation> operations = new TreeMap<>();

    public OperationTable register(String name, Operation operation) {
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        return this;
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> names() {
        return operations.keySet();
    }
}
