package dev.ecsnet.engine;

/**
 * The engine refused a call without running it: too many calls were waiting, or the call's deadline passed before
 * it started. Nothing changed; the API answers with the caller's protocol's throttling error, which clients retry.
 */
public final class EngineBusy extends RuntimeException {
    public EngineBusy(String message) {
        super(message, null, false, false);
    }
}
