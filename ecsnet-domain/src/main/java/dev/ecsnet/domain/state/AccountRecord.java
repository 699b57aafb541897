package dev.ecsnet.domain.state;

import dev.ecsnet.domain.iam.IamRecord;
import dev.ecsnet.domain.iam.IamUsersRecord;

/**
 * An account's global state (IAM) as plain data, with where its id streams stand. {@code secretStream} is null
 * unless the account draws its secrets from a seeded stream (tests); the server's secrets come from a secure source
 * and are kept in the records themselves.
 */
public record AccountRecord(String accountId, long iamStream, long usersStream, Long secretStream, IamRecord iam,
                            IamUsersRecord iamUsers) {
}
