package dev.ecsnet.domain.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a parameter, as GetParameterHistory shows it. {@code ciphertext} is what a SecureString reads as
 * without decryption (for other types it equals the value). Labels move between versions, so a version is
 * replaced by {@link #withLabels} when they change.
 */
public record ParameterVersion(String name, ParameterType type, String value, String ciphertext, Optional<String> keyId,
                               Optional<String> description, Optional<String> allowedPattern, ParameterTier tier,
                               List<ParameterPolicy> policies, String dataType, long version, Instant lastModifiedDate,
                               String lastModifiedUser, List<String> labels) {
    public ParameterVersion {
        policies = List.copyOf(policies);
        labels = List.copyOf(labels);
    }

    public ParameterVersion withLabels(List<String> newLabels) {
        return new ParameterVersion(name, type, value, ciphertext, keyId, description, allowedPattern, tier, policies, dataType,
                version, lastModifiedDate, lastModifiedUser, newLabels);
    }

    /** The value as a client reads it: plain text with decryption (or for non-secure types), else the ciphertext. */
    public String value(boolean withDecryption) {
        return withDecryption ? value : ciphertext;
    }
}
