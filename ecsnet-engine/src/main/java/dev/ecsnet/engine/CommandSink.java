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
}
