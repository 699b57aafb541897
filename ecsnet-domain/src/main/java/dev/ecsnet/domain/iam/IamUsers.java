package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IAM users of one account and the access keys made for them (or for the root) by {@code CreateAccessKey}, as far
 * as signing requests needs them: with {@code serve --verify-signatures} an active key here signs for this account.
 * Each user (and the root) holds at most two keys; a user with keys cannot be deleted.
 */
public final class IamUsers {
    static final int MAX_KEYS_PER_USER = 2;
    private static final String USER_NAME = "[\\w+=,.@-]+";

    private final String accountId;
    private final IdSource ids;
    private final Clock clock;
    private final SecretSource secrets;
    private final Map<String, IamUser> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, IamAccessKey> keys = new LinkedHashMap<>();

    public IamUsers(String accountId, IdSource ids, Clock clock, SecretSource secrets) {
        this.accountId = accountId;
        this.ids = ids;
        this.clock = clock;
        this.secrets = secrets;
    }

    public IamUser createUser(String name, Optional<String> path, Map<String, String> tags) {
        if (!name.matches(USER_NAME)) {
            throw DomainException.invalid("ValidationError", "1 validation error detected: Value '" + name
                    + "' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: " + USER_NAME);
        }
        if (name.length() > 64) {
            throw DomainException.invalid("ValidationError", "1 validation error detected: Value '" + name
                    + "' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64");
        }
        String p = path.orElse("/");
        if (!p.matches("/|/[\\u0021-\\u007E]+/") || p.length() > 512) {
            throw DomainException.invalid("ValidationError", "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.");
        }
        if (users.containsKey(name)) {
            throw DomainException.conflict("EntityAlreadyExists", "User with name " + name + " already exists.");
        }
        IamUser user = new IamUser(name, p, "AIDA" + ids.hex(17).toUpperCase(Locale.ROOT),
                "arn:aws:iam::" + accountId + ":user" + p + name, clock.now(), tags);
        users.put(name, user);
        return user;
    }

    public IamUser user(String name) {
        IamUser user = users.get(name);
        if (user == null) {
            throw DomainException.notFound("NoSuchEntity", "The user with name " + name + " cannot be found.");
        }
        return user;
    }

    public List<IamUser> usersWithPathPrefix(Optional<String> prefix) {
        return users.values().stream().filter(u -> prefix.map(u.path()::startsWith).orElse(true)).toList();
    }

    public void deleteUser(String name) {
        IamUser user = user(name);
        if (keys.values().stream().anyMatch(k -> k.userName().filter(user.name()::equals).isPresent())) {
            throw DomainException.dependency("DeleteConflict", "Cannot delete entity, must delete access keys first.");
        }
        users.remove(name);
    }

    /** A new active key for the user (empty: the root), holding its secret; refused past two keys. */
    public IamAccessKey createAccessKey(Optional<String> userName) {
        Optional<String> owner = owner(userName);
        if (accessKeys(owner).size() >= MAX_KEYS_PER_USER) {
            throw DomainException.conflict("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS_PER_USER);
        }
        IamAccessKey key = new IamAccessKey("AKIA" + ids.hex(16).toUpperCase(Locale.ROOT), secrets.newSecretAccessKey(), owner,
                IamAccessKey.Status.ACTIVE, clock.now());
        keys.put(key.accessKeyId(), key);
        return key;
    }

    public List<IamAccessKey> accessKeys(Optional<String> userName) {
        Optional<String> owner = owner(userName);
        List<IamAccessKey> out = new ArrayList<>();
        keys.values().stream().filter(k -> k.userName().equals(owner)).forEach(out::add);
        return out;
    }

    public void updateAccessKey(Optional<String> userName, String accessKeyId, IamAccessKey.Status status) {
        IamAccessKey key = keyOf(owner(userName), accessKeyId);
        keys.put(key.accessKeyId(), key.withStatus(status));
    }

    public void deleteAccessKey(Optional<String> userName, String accessKeyId) {
        keys.remove(keyOf(owner(userName), accessKeyId).accessKeyId());
    }

    /** The key with this id if it is active: what a signature is checked against. */
    public Optional<IamAccessKey> activeKey(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId)).filter(k -> k.status() == IamAccessKey.Status.ACTIVE);
    }

    /** The user a key of this account belongs to (empty for root keys and keys made elsewhere). */
    public Optional<IamUser> userOfKey(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId)).flatMap(IamAccessKey::userName).map(users::get);
    }

    /** The canonical name of an existing user (empty: the root); an unknown name is refused. */
    private Optional<String> owner(Optional<String> userName) {
        return userName.map(n -> user(n).name());
    }

    private IamAccessKey keyOf(Optional<String> owner, String accessKeyId) {
        IamAccessKey key = keys.get(accessKeyId);
        if (key == null || !key.userName().equals(owner)) {
            throw DomainException.notFound("NoSuchEntity", "The Access Key with id " + accessKeyId + " cannot be found.");
        }
        return key;
    }

    /** The account's users and access keys (secrets included) as plain records. */
    public IamUsersRecord export() {
        return IamSnapshots.export(users.values(), keys.values());
    }

    /** On an account just built, the recorded users and keys as they were; no secret is drawn. */
    public void restore(IamUsersRecord record) {
        users.clear();
        keys.clear();
        IamSnapshots.users(record).forEach(u -> users.put(u.name(), u));
        IamSnapshots.keys(record).forEach(k -> keys.put(k.accessKeyId(), k));
    }
}
