package dev.ecsnet.domain.iam;

/**
 * Where secret access keys come from. Not the seeded {@code IdSource}: the seed is printed and served by
 * {@code /_ecsnet/health}, and a secret that follows from it would be no secret. The server draws them from
 * {@code SecureRandom}; the domain only asks.
 */
@FunctionalInterface
public interface SecretSource {

    /** A new 40-character secret access key. */
    String newSecretAccessKey();
}
