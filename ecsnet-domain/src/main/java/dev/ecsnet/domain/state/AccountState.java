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
    private final IdSource iamIds;
    private final IdSource userIds;
    private final IdSource secretIds;

    /** For tests: secrets drawn from the seeded stream (reproducible, so not secret). */
    public AccountState(String accountId, long seed, Clock clock) {
        this(accountId, seed, clock, new IdSource(seed ^ accountId.hashCode() * 0x5DEECE66DL), null);
    }

    public AccountState(String accountId, long seed, Clock clock, SecretSource secrets) {
        this(accountId, seed, clock, null, secrets);
    }

    private AccountState(String accountId, long seed, Clock clock, IdSource secretIds, SecretSource secrets) {
        this.accountId = accountId;
        this.iamIds = new IdSource(seed ^ accountId.hashCode() * 0x2545F4914F6CDD1DL);
        this.userIds = new IdSource(seed ^ accountId.hashCode() * 0x9E3779B97F4A7C15L);
        this.secretIds = secretIds;
        this.iam = new Iam(accountId, iamIds, clock);
        this.iamUsers = new IamUsers(accountId, userIds, clock, secretIds == null ? secrets : seededSecrets(secretIds));
    }

    /** The account's IAM state as plain records, with where its id streams stand. */
    public AccountRecord export() {
        return new AccountRecord(accountId, iamIds.streamState(), userIds.streamState(),
                secretIds == null ? null : secretIds.streamState(), iam.export(), iamUsers.export());
    }

    /** On an account just built (with its seed), the state {@link #export()} gave. */
    public void restore(AccountRecord record) {
        if (!record.accountId().equals(accountId)) {
            throw new IllegalArgumentException("the record of account " + record.accountId() + " restored into " + accountId);
        }
        iam.restore(record.iam());
        iamUsers.restore(record.iamUsers());
        iamIds.resume(record.iamStream());
        userIds.resume(record.usersStream());
        if (secretIds != null && record.secretStream() != null) {
            secretIds.resume(record.secretStream());
        }
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
