package dev.ecsnet.domain.state;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.iam.Iam;
import dev.ecsnet.domain.iam.IamUsers;
import dev.ecsnet.domain.iam.SecretSource;

/** What an account holds in every region at once: IAM is global. */
public final class AccountState {
    private final String accountId;
    private final Iam iam;
    private final IamUsers iamUsers;

    /** For tests: secrets drawn from the seeded stream (reproducible, so not secret). */
    public AccountState(String accountId, long seed, Clock clock) {
        this(accountId, seed, clock, seededSecrets(new IdSource(seed ^ accountId.hashCode() * 0x5DEECE66DL)));
    }

    public AccountState(String accountId, long seed, Clock clock, SecretSource secrets) {
        this.accountId = accountId;
        this.iam = new Iam(accountId, new IdSource(seed ^ accountId.hashCode() * 0x2545F4914F6CDD1DL), clock);
        this.iamUsers = new IamUsers(accountId, new IdSource(seed ^ accountId.hashCode() * 0x9E3779B97F4A7C15L), clock, secrets);
    }

    public String accountId() {
        return accountId;
    }

    public Iam iam() {
        return iam;
    }

    /** IAM users and the access keys made for them (and for the root) by {@code CreateAccessKey}. */
    public IamUsers iamUsers() {
        return iamUsers;
    }

    private static SecretSource seededSecrets(IdSource ids) {
        return () -> ids.hex(40);
    }
}
