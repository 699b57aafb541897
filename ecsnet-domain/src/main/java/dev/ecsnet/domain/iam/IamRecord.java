package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account's IAM roles and customer managed policies as plain data (see docs/design-state.md, "Snapshot
 * records"), each in name order. AWS managed policies are a fixed catalogue and are not in it; attachments to them
 * are, by ARN, in the roles.
 */
public record IamRecord(List<RoleRecord> roles, List<PolicyRecord> policies) {

    /**
     * A role: {@code description} is null when it has none; tags, attached policy ARNs and inline policies (name to
     * document) keep the order they were added in.
     */
    public record RoleRecord(String name, String path, String roleId, String arn, Instant createDate, String assumeRolePolicyDocument,
                             String description, int maxSessionDuration, Map<String, String> tags, List<String> attachedPolicyArns,
                             Map<String, String> inlinePolicies) {
    }

    /**
     * A customer managed policy: its versions in creation order, the default one, and {@code versionsCreated}, the
     * number the next version's id follows from (ids are never reused, so it can exceed the versions kept).
     */
    public record PolicyRecord(String name, String path, String policyId, String arn, String description, Instant createDate,
                               List<PolicyVersionRecord> versions, String defaultVersionId, int versionsCreated, Map<String, String> tags) {
    }

    public record PolicyVersionRecord(String versionId, String document, Instant createDate) {
    }
}
