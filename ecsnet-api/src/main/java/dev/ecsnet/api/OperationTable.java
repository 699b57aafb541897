package dev.ecsnet.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations one service serves, by their AWS names. Nothing is dispatched by reflection. An operation
 * registered with {@link #registerRead} only reads state, and so may run beside other reads ({@code Engine.read}).
 */
public final class OperationTable {
    private final Map<String, Operation> operations = new TreeMap<>();
    private final Set<String> reads = new java.util.HashSet<>();

    public OperationTable register(String name, Operation operation) {
        if (operations.putIfAbsent(name, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + name);
        }
        return this;
    }

    /**
     * Registers an operation that changes nothing, not even a cache or a lazily made map, whatever its parameters:
     * it runs on the caller's thread, beside other reads, between two steps of the engine.
     */
    public OperationTable registerRead(String name, Operation operation) {
        register(name, operation);
        reads.add(name);
        return this;
    }

    /** Whether {@code name} was registered with {@link #registerRead}. */
    public boolean onlyReads(String name) {
        return reads.contains(name);
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Set<String> names() {
        return operations.keySet();
    }
}
