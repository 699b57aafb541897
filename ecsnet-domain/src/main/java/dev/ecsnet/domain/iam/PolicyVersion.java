package dev.ecsnet.domain.iam;

import java.time.Instant;

/** One version of a customer managed policy: {@code v1}, {@code v2}, ... (numbers are never reused). */
public record PolicyVersion(String versionId, String document, Instant createDate) {
}
