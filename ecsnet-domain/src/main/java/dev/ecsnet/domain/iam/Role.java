package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An IAM role: its trust policy, attached managed policies and inline policies, stored as written. */
public final class Role {
    private final String name;
    private final String path;
    private final String roleId;
    private final String arn;
    private final Instant createDate;
    private String assumeRolePolicyDocument;
    private String description;
    private int maxSessionDuration;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();

    Role(String name, String path, String roleId, String arn, Instant createDate, String assumeRolePolicyDocument,
         String description, int maxSessionDuration) {
        this.name = name;
        this.path = path;
        this.roleId = roleId;
        this.arn = arn;
        this.createDate = createDate;
        this.assumeRolePolicyDocument = assumeRolePolicyDocument;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public String roleId() {
        return roleId;
    }

    public String arn() {
        return arn;
    }

    public Instant createDate() {
        return createDate;
    }

    public String assumeRolePolicyDocument() {
        return assumeRolePolicyDocument;
    }

    void setAssumeRolePolicyDocument(String document) {
        assumeRolePolicyDocument = document;
    }

    public String description() {
        return description;
    }

    void setDescription(String value) {
        description = value;
    }

    public int maxSessionDuration() {
        return maxSessionDuration;
    }

    void setMaxSessionDuration(int value) {
        maxSessionDuration = value;
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Tags in the order they were added. */
    public Map<String, String> orderedTags() {
        return java.util.Collections.unmodifiableMap(tags);
    }

    public Set<String> attachedPolicyArns() {
        return java.util.Collections.unmodifiableSet(attachedPolicyArns);
    }

    public Map<String, String> inlinePolicies() {
        return java.util.Collections.unmodifiableMap(inlinePolicies);
    }
}
