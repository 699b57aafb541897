package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.Taggable;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An EC2 launch template: its versions by number, which of them is the default, and its tags. Version numbers are
 * never reused: a new version takes one more than the highest ever created, while "latest" is the highest that
 * still exists. Used only on the engine thread.
 */
public final class LaunchTemplate implements Taggable {
    private final String id;
    private final String name;
    private final Instant createTime;
    private final String createdBy;
    private final TreeMap<Long, LaunchTemplateVersion> versions = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long defaultVersion;
    private long highestCreated;

    LaunchTemplate(String id, String name, Instant createTime, String createdBy) {
        this.id = id;
        this.name = name;
        this.createTime = createTime;
        this.createdBy = createdBy;
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createTime() {
        return createTime;
    }

    public String createdBy() {
        return createdBy;
    }

    public long defaultVersionNumber() {
        return defaultVersion;
    }

    public long latestVersionNumber() {
        return versions.lastKey();
    }

    public Collection<LaunchTemplateVersion> versions() {
        return versions.values();
    }

    public Optional<LaunchTemplateVersion> version(long number) {
        return Optional.ofNullable(versions.get(number));
    }

    public LaunchTemplateVersion defaultVersion() {
        return versions.get(defaultVersion);
    }

    public LaunchTemplateVersion latestVersion() {
        return versions.lastEntry().getValue();
    }

    long nextVersionNumber() {
        return highestCreated + 1;
    }

    /** The highest version number ever given, deleted versions included. */
    long highestCreatedNumber() {
        return highestCreated;
    }

    void add(LaunchTemplateVersion version) {
        versions.put(version.number(), version);
        highestCreated = Math.max(highestCreated, version.number());
        if (defaultVersion == 0) {
            defaultVersion = version.number();
        }
    }

    void remove(long number) {
        versions.remove(number);
    }

    /** A restored template's default version and the highest number it ever gave, as recorded. */
    void restoreNumbers(long defaultNumber, long highestNumber) {
        defaultVersion = defaultNumber;
        highestCreated = highestNumber;
    }

    void setDefault(long number) {
        defaultVersion = number;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
