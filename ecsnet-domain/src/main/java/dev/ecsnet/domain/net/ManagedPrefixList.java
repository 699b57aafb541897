package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer-managed prefix list: a named, versioned set of CIDR entries that security group rules and routes may
 * reference. Adding or removing entries makes a new version; every version's entries are kept, as
 * GetManagedPrefixListEntries serves any of them. Changes only through {@link ManagedPrefixLists}.
 */
public final class ManagedPrefixList implements Taggable {

    /** The states EC2 reports, in the order a list can move through them. */
    public enum State {
        CREATE_IN_PROGRESS, CREATE_COMPLETE, MODIFY_IN_PROGRESS, MODIFY_COMPLETE, DELETE_IN_PROGRESS, DELETE_COMPLETE, DELETE_FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean inProgress() {
            return this == CREATE_IN_PROGRESS || this == MODIFY_IN_PROGRESS || this == DELETE_IN_PROGRESS;
        }
    }

    /** One entry; {@code description} is null when none was given. */
    public record Entry(String cidr, String description) {
    }

    private final String id;
    private final String addressFamily;
    private final String ownerId;
    private final String arn;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final TreeMap<Long, List<Entry>> versions = new TreeMap<>();
    private String name;
    private int maxEntries;
    private State state = State.CREATE_IN_PROGRESS;
    private String stateMessage;

    ManagedPrefixList(String id, String name, String addressFamily, int maxEntries, String ownerId, String region, List<Entry> entries) {
        this.id = id;
        this.name = name;
        this.addressFamily = addressFamily;
        this.maxEntries = maxEntries;
        this.ownerId = ownerId;
        this.arn = "arn:aws:ec2:" + region + ":" + ownerId + ":prefix-list/" + id;
        versions.put(1L, List.copyOf(entries));
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String addressFamily() {
        return addressFamily;
    }

    public int maxEntries() {
        return maxEntries;
    }

    public String ownerId() {
        return ownerId;
    }

    public String arn() {
        return arn;
    }

    public State state() {
        return state;
    }

    public Optional<String> stateMessage() {
        return Optional.ofNullable(stateMessage);
    }

    public long version() {
        return versions.lastKey();
    }

    /** The entries of the current version. */
    public List<Entry> entries() {
        return versions.lastEntry().getValue();
    }

    /** The entries of an earlier (or the current) version; empty when the list never had that version. */
    public Optional<List<Entry>> entries(long version) {
        return Optional.ofNullable(versions.get(version));
    }

    public boolean isGone() {
        return state == State.DELETE_COMPLETE;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    void rename(String newName) {
        name = newName;
    }

    void resize(int newMaxEntries) {
        maxEntries = newMaxEntries;
    }

    void addVersion(List<Entry> entries) {
        versions.put(version() + 1, List.copyOf(entries));
    }

    /** Every version's entries, oldest first. */
    java.util.SortedMap<Long, List<Entry>> versions() {
        return java.util.Collections.unmodifiableSortedMap(versions);
    }

    /** Replaces the version history with a recorded one (at least one version). */
    void replaceVersions(Map<Long, List<Entry>> recorded) {
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("a prefix list has at least one version: " + id);
        }
        versions.clear();
        recorded.forEach((version, entries) -> versions.put(version, List.copyOf(entries)));
    }

    void moveTo(State next, String message) {
        state = next;
        stateMessage = message;
    }
}
