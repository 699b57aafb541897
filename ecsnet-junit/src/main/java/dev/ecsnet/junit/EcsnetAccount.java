package dev.ecsnet.junit;

/**
 * An account on an ecsnet server and the static credentials that reach it. ecsnet takes the account from the
 * access key: a 12-digit access key id is that account. Signatures are not checked unless the server verifies them,
 * so the secret only has to be what the client signs with.
 */
public record EcsnetAccount(String accountId, String accessKeyId, String secretAccessKey) {
    /** The secret that goes with the keys ecsnet hands out. */
    public static final String SECRET = "ecsnet-test-secret";

    public EcsnetAccount {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id is 12 digits, not '" + accountId + "'");
        }
    }

    /** The account whose access key id is its own 12-digit id. */
    public static EcsnetAccount of(String accountId) {
        return new EcsnetAccount(accountId, accountId, SECRET);
    }
}
