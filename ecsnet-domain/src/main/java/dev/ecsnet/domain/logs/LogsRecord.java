package dev.ecsnet.domain.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudWatch Logs of one account in one region, as plain data (see docs/design-state.md, "Snapshot records"). */
public record LogsRecord(List<LogGroupRecord> logGroups) {
    /** {@code retentionInDays} and {@code kmsKeyId} are null when unset; tags keep their order. */
    public record LogGroupRecord(String name, String arn, Instant creationTime, String logGroupClass, String kmsKeyId,
                                 Integer retentionInDays, Map<String, String> tags) {
    }
}
