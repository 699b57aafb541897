package dev.ecsnet.domain.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The account's own parameters of one region, as plain data (see docs/design-state.md, "Snapshot records"), in
 * name order. The public {@code /aws/service/} parameters are not in it: they follow from the region and never change.
 */
public record ParameterStoreRecord(List<ParameterRecord> parameters) {

    /** A parameter: its versions oldest first (each version carries the parameter's name), and its tags in order. */
    public record ParameterRecord(String name, String arn, List<VersionRecord> versions, Map<String, String> tags) {
    }

    /**
     * One version as GetParameterHistory shows it. {@code keyId}, {@code description} and {@code allowedPattern}
     * are null when absent; {@code ciphertext} is what a SecureString reads as without decryption.
     */
    public record VersionRecord(long version, ParameterType type, String value, String ciphertext, String keyId, String description,
                                String allowedPattern, ParameterTier tier, List<PolicyRecord> policies, String dataType,
                                Instant lastModifiedDate, String lastModifiedUser, List<String> labels) {
    }

    /**
     * A policy as the client wrote it; {@code expiresAt} (null for the notification kinds) is the instant a pending
     * expiry timer compares with the latest version's policies.
     */
    public record PolicyRecord(String type, String text, Instant expiresAt) {
    }
}
