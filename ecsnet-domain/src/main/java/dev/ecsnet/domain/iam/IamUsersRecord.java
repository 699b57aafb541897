package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account's IAM users (in name order) and access keys (in creation order, as ListAccessKeys lists them) as plain
 * data (see docs/design-state.md, "Snapshot records"). The secrets are in it: a restored account must accept the
 * signatures of the keys it handed out, and nothing can derive them again.
 */
public record IamUsersRecord(List<UserRecord> users, List<AccessKeyRecord> accessKeys) {

    public record UserRecord(String name, String path, String userId, String arn, Instant createDate, Map<String, String> tags) {
    }

    /** {@code userName} is null for the root's keys. */
    public record AccessKeyRecord(String accessKeyId, String secretAccessKey, String userName, IamAccessKey.Status status,
                                  Instant createDate) {
    }
}
