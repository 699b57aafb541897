package dev.ecsnet.api;

/** Told of every AWS call the {@link Dispatcher} answers (the server's request log). Must not throw. */
@FunctionalInterface
public interface CallLog {
    CallLog NONE = call -> {
    };

    void called(CallRecord call);
}
