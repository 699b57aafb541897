package dev.ecsnet.domain.state;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.iam.Iam;

/** What an account holds in every region at once: IAM is global. */
public final class AccountState {
    private final String accountId;
    private final Iam iam;

    public AccountState(String accountId, long seed, Clock clock) {
        this.accountId = accountId;
        this.iam = new Iam(accountId, new IdSource(seed ^ accountId.hashCode() * 0x2545F4914F6CDD1DL), clock);
    }

    public String accountId() {
        return accountId;
    }

    public Iam iam() {
        return iam;
    }
}
