package dev.ecsnet.domain.logs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CloudWatch Logs log group; ecsnet keeps no log events, only the group tasks write to. */
public final class LogGroup {
    private final String name;
    private final String arn;
    private final Instant creationTime;
    private final String logGroupClass;
    private final String kmsKeyId;
    private Integer retentionInDays;
    final Map<String, String> tags = new LinkedHashMap<>();

    LogGroup(String name, String arn, Instant creationTime, String logGroupClass, String kmsKeyId) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.logGroupClass = logGroupClass;
        this.kmsKeyId = kmsKeyId;
    }

    public String name() {
        return name;
    }

    /** The ARN without the trailing {@code :*} (DescribeLogGroups shows both forms). */
    public String arn() {
        return arn;
    }

    public Instant creationTime() {
        return creationTime;
    }

    public String logGroupClass() {
        return logGroupClass;
    }

    public String kmsKeyId() {
        return kmsKeyId;
    }

    public Integer retentionInDays() {
        return retentionInDays;
    }

    void setRetentionInDays(Integer days) {
        retentionInDays = days;
    }

    public Map<String, String> tags() {
        return java.util.Collections.unmodifiableMap(tags);
    }
}
