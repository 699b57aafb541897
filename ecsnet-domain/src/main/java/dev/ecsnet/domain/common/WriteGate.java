package dev.ecsnet.domain.common;

import java.util.function.Supplier;

/**
 * The point every change to a region's EC2 state passes first. Domain operations validate completely, then call
 * {@link #open()} right before their first change. In a dry run ({@link #dryRun}) {@code open()} stops the operation
 * there: everything before it was validation and passed, and nothing has changed. That is how EC2's
 * {@code DryRun=true} answers "would have succeeded" or the error the call would have had, without touching state.
 */
public final class WriteGate {

    /** Raised by {@link #open()} in a dry run: the operation passed its checks and was stopped before any change. */
    public static final class DryRunPassed extends RuntimeException {
        DryRunPassed() {
            super("dry run passed", null, false, false);
        }
    }

    private boolean dryRun;

    /** Called by a domain operation after its checks and before its first change. */
    public void open() {
        if (dryRun) {
            throw new DryRunPassed();
        }
    }

    /**
     * Runs {@code operation} as a dry run. Returns normally when it passed its checks (it reached {@link #open()},
     * or finished without changing anything); a refusal propagates as it would without the dry run.
     */
    public void dryRun(Supplier<?> operation) {
        if (dryRun) {
            throw new IllegalStateException("dry runs do not nest");
        }
        dryRun = true;
        try {
            operation.get();
        } catch (DryRunPassed passed) {
            // the checks passed and nothing changed
        } finally {
            dryRun = false;
        }
    }
}
