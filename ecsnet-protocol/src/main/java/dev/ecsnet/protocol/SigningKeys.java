package dev.ecsnet.protocol;

import java.util.Optional;

/** Where {@link SigV4Verifier} finds the secret of an access key id, and the account the key acts for. */
@FunctionalInterface
public interface SigningKeys {

    /** An active key with this id, if there is one; inactive and unknown keys are both absent. */
    Optional<AccessKey> find(String accessKeyId);

    /** An access key: its id, its secret and the 12-digit account it acts for. */
    record AccessKey(String accessKeyId, String secretAccessKey, String accountId) {
        public AccessKey {
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("an account id is 12 digits, not '" + accountId + "'");
            }
        }

        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + ", account " + accountId + "]";
        }
    }
}
