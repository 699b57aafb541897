package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An IAM user: its name, path, id ({@code AIDA...}), ARN, creation time and tags. */
public record IamUser(String name, String path, String userId, String arn, Instant createDate, Map<String, String> tags) {
    public IamUser {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
