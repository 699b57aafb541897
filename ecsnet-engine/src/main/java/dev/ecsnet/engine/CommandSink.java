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

    /**
     * The state was replaced by {@code state} (a state load): what was written before no longer describes it. On the
     * engine thread, before the load's caller hears back; a journal writes it as its new base.
     */
    default void replaced(EngineSnapshot state) {
    }

    /** Asked on the engine thread between steps: whether the sink wants {@link #snapshot} now (journal long enough). */
    default boolean wantsSnapshot() {
        return false;
    }

    /** The state between two steps, when {@link #wantsSnapshot()} said so or at shutdown; on the engine thread. */
    default void snapshot(EngineSnapshot state) {
    }
}
