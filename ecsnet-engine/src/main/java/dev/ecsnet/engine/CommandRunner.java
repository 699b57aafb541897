package dev.ecsnet.engine;

import dev.ecsnet.domain.state.RegionState;

/** Runs a recorded command again against its region (the API layer's handlers do: see {@code Dispatcher.replayer}). */
@FunctionalInterface
public interface CommandRunner {
    void run(CommandRecord command, RegionState state);
}
