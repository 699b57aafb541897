package dev.ecsnet.domain.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reachability Analyzer's paths and analyses of one region as plain data (see docs/design-state.md, "Snapshot
 * records"), each in creation order. A running analysis has no verdict yet: its pending timer runs the path when it
 * falls due, on the network as it is then.
 */
public record NetworkInsightsRecord(List<PathRecord> paths, List<AnalysisRecord> analyses) {

    /** A path; {@code destination}, the addresses and {@code destinationPort} are null when the client gave none. */
    public record PathRecord(String id, String arn, Instant createdDate, String source, String destination, String sourceIp,
                             String destinationIp, String protocol, Integer destinationPort, Map<String, String> tags) {
    }

    /** An analysis: {@code status} {@code running} (and {@code verdict} null) until its timer runs it, then {@code succeeded}. */
    public record AnalysisRecord(String id, String arn, String pathId, Instant startDate, Map<String, String> tags, String status,
                                 VerdictRecord verdict) {
    }

    /**
     * What the analysis found: {@code reachable} with the path taken, or blocked at a component, the codes and reason
     * set (null when reachable) and {@code path} how far the packet got.
     */
    public record VerdictRecord(boolean reachable, String explanationCode, String componentKind, String componentId, String reason,
                                List<HopRecord> path) {
    }

    public record HopRecord(String kind, String id, String detail) {
    }
}
