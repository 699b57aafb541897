package dev.ecsnet.engine;

import dev.ecsnet.domain.iam.SecretSource;

import java.security.SecureRandom;
import java.util.Base64;

/** Secret access keys from {@link SecureRandom}: 30 random bytes, 40 base64 characters, like AWS's. */
final class RandomSecrets implements SecretSource {
    private SecureRandom random;

    @Override
    public String newSecretAccessKey() {
        if (random == null) {
            // created on first use: seeding costs start-up time that most runs never need
            random = new SecureRandom();
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
