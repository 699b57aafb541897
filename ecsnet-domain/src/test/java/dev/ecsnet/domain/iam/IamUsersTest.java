package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users and the keys that sign for them: what is active signs, at most two keys each, refusals change nothing. */
class IamUsersTest {
    private final AtomicInteger secrets = new AtomicInteger();
    private final IamUsers users = new IamUsers("111122223333", new IdSource(7), () -> Instant.parse("2026-01-01T00:00:00Z"),
            () -> "secret-" + secrets.incrementAndGet());

    @Test
    void aKeySignsWhileItIsActiveAndNamesItsUser() {
        users.createUser("ci", Optional.empty(), Map.of());
        IamAccessKey key = users.createAccessKey(Optional.of("CI"));
        assertThat(key.userName()).contains("ci");
        assertThat(key.secretAccessKey()).isEqualTo("secret-1");
        assertThat(users.activeKey(key.accessKeyId())).contains(key);
        assertThat(users.userOfKey(key.accessKeyId()).map(IamUser::arn)).contains("arn:aws:iam::111122223333:user/ci");
        users.updateAccessKey(Optional.of("ci"), key.accessKeyId(), IamAccessKey.Status.INACTIVE);
        assertThat(users.activeKey(key.accessKeyId())).isEmpty();
        users.updateAccessKey(Optional.of("ci"), key.accessKeyId(), IamAccessKey.Status.ACTIVE);
        users.deleteAccessKey(Optional.of("ci"), key.accessKeyId());
        assertThat(users.activeKey(key.accessKeyId())).isEmpty();
        assertThat(users.userOfKey(key.accessKeyId())).isEmpty();
    }

    @Test
    void rootKeysBelongToNoUser() {
        IamAccessKey root = users.createAccessKey(Optional.empty());
        assertThat(root.userName()).isEmpty();
        assertThat(users.userOfKey(root.accessKeyId())).isEmpty();
        assertThat(users.accessKeys(Optional.empty())).containsExactly(root);
    }

    @Test
    void refusalsChangeNothing() {
        users.createUser("ci", Optional.empty(), Map.of());
        IamAccessKey first = users.createAccessKey(Optional.of("ci"));
        users.createAccessKey(Optional.of("ci"));
        assertThatThrownBy(() -> users.createAccessKey(Optional.of("ci"))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("LimitExceeded"));
        assertThatThrownBy(() -> users.deleteUser("ci")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("DeleteConflict"));
        assertThatThrownBy(() -> users.deleteAccessKey(Optional.empty(), first.accessKeyId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("NoSuchEntity"));
        assertThatThrownBy(() -> users.createUser("CI", Optional.empty(), Map.of())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("EntityAlreadyExists"));
        assertThat(users.accessKeys(Optional.of("ci"))).hasSize(2);
        assertThat(secrets.get()).as("no secret drawn for a refused key").isEqualTo(2);
        assertThat(users.usersWithPathPrefix(Optional.empty())).extracting(IamUser::name).containsExactly("ci");
    }
}
