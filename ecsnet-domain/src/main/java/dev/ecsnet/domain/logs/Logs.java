package dev.ecsnet.domain.logs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** CloudWatch Logs log groups of one account in one region (ECS tasks with {@code awslogs} need theirs to exist). */
public final class Logs {
    /** The retention values CloudWatch Logs accepts. */
    public static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final String NAME = "[.\\-_/#A-Za-z0-9]{1,512}";

    private final AccountRegion key;
    private final Clock clock;
    private final Map<String, LogGroup> groups = new TreeMap<>();

    public Logs(AccountRegion key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Log groups in name order, as DescribeLogGroups lists them. */
    public Collection<LogGroup> logGroups() {
        return groups.values();
    }

    public Optional<LogGroup> find(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public LogGroup logGroup(String name) {
        return find(name).orElseThrow(() -> DomainException.notFound("ResourceNotFoundException", "The specified log group does not exist."));
    }

    /** The log group an ARN ({@code arn:aws:logs:region:account:log-group:NAME}, optionally with {@code :*}) names. */
    public LogGroup byArn(String arn) {
        String prefix = "arn:aws:logs:" + key.region() + ":" + key.accountId() + ":log-group:";
        if (arn == null || !arn.startsWith(prefix)) {
            throw DomainException.invalid("InvalidParameterException", "Invalid ARN: " + arn);
        }
        String name = arn.substring(prefix.length());
        if (name.endsWith(":*")) {
            name = name.substring(0, name.length() - 2);
        }
        return logGroup(name);
    }

    public LogGroup createLogGroup(String name, Map<String, String> tags, String kmsKeyId, String logGroupClass) {
        if (name == null || !name.matches(NAME)) {
            throw DomainException.invalid("InvalidParameterException", "1 validation error detected: Value '" + name
                    + "' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        String cls = logGroupClass == null ? "STANDARD" : logGroupClass;
        if (!List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY").contains(cls)) {
            throw DomainException.invalid("InvalidParameterException", "Invalid log group class: " + cls);
        }
        if (groups.containsKey(name)) {
            throw DomainException.conflict("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        LogGroup g = new LogGroup(name, "arn:aws:logs:" + key.region() + ":" + key.accountId() + ":log-group:" + name,
                clock.now(), cls, kmsKeyId);
        g.tags.putAll(tags);
        groups.put(name, g);
        return g;
    }

    public void deleteLogGroup(String name) {
        logGroup(name);
        groups.remove(name);
    }

    public void putRetentionPolicy(String name, int days) {
        LogGroup g = logGroup(name);
        if (!RETENTION_DAYS.contains(days)) {
            throw DomainException.invalid("InvalidParameterException", "1 validation error detected: Value '" + days
                    + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + new java.util.TreeSet<>(RETENTION_DAYS));
        }
        g.setRetentionInDays(days);
    }

    public void deleteRetentionPolicy(String name) {
        logGroup(name).setRetentionInDays(null);
    }

    /** The log groups as plain records, in name order: what a snapshot keeps of CloudWatch Logs. */
    public LogsRecord export() {
        return new LogsRecord(groups.values().stream().map(g -> new LogsRecord.LogGroupRecord(g.name(), g.arn(),
                g.creationTime(), g.logGroupClass(), g.kmsKeyId(), g.retentionInDays(), new java.util.LinkedHashMap<>(g.tags))).toList());
    }

    /** Replaces the log groups with the recorded ones, as they were (arns and creation times included). */
    public void restore(LogsRecord record) {
        groups.clear();
        for (LogsRecord.LogGroupRecord r : record.logGroups()) {
            LogGroup g = new LogGroup(r.name(), r.arn(), r.creationTime(), r.logGroupClass(), r.kmsKeyId());
            g.setRetentionInDays(r.retentionInDays());
            g.tags.putAll(r.tags());
            groups.put(r.name(), g);
        }
    }

    public void tag(LogGroup group, Map<String, String> tags) {
        group.tags.putAll(tags);
    }

    public void untag(LogGroup group, Collection<String> keys) {
        keys.forEach(group.tags::remove);
    }
}
