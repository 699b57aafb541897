package dev.ecsnet.engine;

/**
 * Where the engine writes each command once it has succeeded, on the engine thread and before its caller hears back
 * (a journal). A sink that fails makes the call fail: its answer never claims a change that was not written.
 */
@FunctionalInterface
public interface CommandSink {
    CommandSink NONE = record -> {
    };

    void append(CommandRecord record);

    /** Writes many records at once (a state load): a journal forces them to disk once, not once each. */
    default void appendAll(java.util.List<CommandRecord> records) {
        records.forEach(this::append);
    }
}
