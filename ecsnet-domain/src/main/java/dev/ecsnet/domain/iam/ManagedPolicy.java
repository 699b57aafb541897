package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer managed policy: up to five versions, one of them the default, and tags. How many roles it is
 * attached to is not kept here: the roles hold their attachments. Used only on the engine thread.
 */
public final class ManagedPolicy {
    static final int MAX_VERSIONS = 5;

    private final String name;
    private final String path;
    private final String policyId;
    private final String arn;
    private final Optional<String> description;
    private final Instant createDate;
    private final List<PolicyVersion> versions = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String defaultVersionId;
    private int versionsCreated;

    ManagedPolicy(String name, String path, String policyId, String arn, Optional<String> description, Instant createDate) {
        this.name = name;
        this.path = path;
        this.policyId = policyId;
        this.arn = arn;
        this.description = description;
        this.createDate = createDate;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public String policyId() {
        return policyId;
    }

    public String arn() {
        return arn;
    }

    public Optional<String> description() {
        return description;
    }

    public Instant createDate() {
        return createDate;
    }

    /** When the newest version was created (the policy's creation while it has one version), as IAM reports it. */
    public Instant updateDate() {
        return versions.stream().map(PolicyVersion::createDate).max(Comparator.naturalOrder()).orElse(createDate);
    }

    public String defaultVersionId() {
        return defaultVersionId;
    }

    public List<PolicyVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public PolicyVersion defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    PolicyVersion addVersion(String document, Instant at, boolean asDefault) {
        PolicyVersion v = new PolicyVersion("v" + (++versionsCreated), document, at);
        versions.add(v);
        if (asDefault) {
            defaultVersionId = v.versionId();
        }
        return v;
    }

    /** How many versions were ever created: the next one is {@code v} this plus one. */
    int versionsCreated() {
        return versionsCreated;
    }

    /** For a restore: the versions, the default and the version counter as they were recorded. */
    void restoreVersions(List<PolicyVersion> recorded, String defaultId, int created) {
        versions.clear();
        versions.addAll(recorded);
        defaultVersionId = defaultId;
        versionsCreated = created;
    }

    void removeVersion(String versionId) {
        versions.removeIf(v -> v.versionId().equals(versionId));
    }

    void makeDefault(String versionId) {
        defaultVersionId = versionId;
    }

    void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }
}
