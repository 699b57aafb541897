package dev.ecsnet.domain.analysis;

import java.util.List;

/** The answer to "can this packet get there?": the path it takes, or the first thing that stops it. */
public sealed interface Verdict permits Verdict.Reachable, Verdict.Blocked {

    List<Hop> path();

    boolean reachable();

    /** The path found, hop by hop. */
    record Reachable(List<Hop> path) implements Verdict {
        public Reachable {
            path = List.copyOf(path);
        }

        @Override
        public boolean reachable() {
            return true;
        }
    }

    /**
     * Stopped at {@code componentId}: {@code explanationCode} is Reachability Analyzer's code
     * ({@code ENI_SG_RULES_MISMATCH}, {@code NO_ROUTE_TO_DESTINATION}, ...), {@code reason} says it in words and
     * names the fix where there is one, {@code path} is how far the packet got.
     */
    record Blocked(String explanationCode, String componentKind, String componentId, String reason, List<Hop> path) implements Verdict {
        public Blocked {
            path = List.copyOf(path);
        }

        @Override
        public boolean reachable() {
            return false;
        }
    }
}
