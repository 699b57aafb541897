package dev.ecsnet.api;

import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.AwsRequest;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.SigV4Verifier;
import dev.ecsnet.protocol.SigningKeys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code serve --verify-signatures}: every AWS call must carry a valid SigV4 signature, checked on the engine's
 * clock, by a key that is either configured ({@link #DEFAULT_KEY}, or the {@code --credentials} file) or made by
 * IAM {@code CreateAccessKey} in some account and active. The call then belongs to the key's account, whatever the
 * key id looks like, so one account's key never reaches another's state.
 */
public final class SignatureCheck implements Authentication {
    /** The pair the docs and every emulator's examples use, for account 000000000000, when no file is given. */
    public static final SigningKeys.AccessKey DEFAULT_KEY = new SigningKeys.AccessKey("test", "test", "000000000000");

    private final Engine engine;
    private final Map<String, SigningKeys.AccessKey> configured;
    private final SigV4Verifier verifier;

    public SignatureCheck(Engine engine, List<SigningKeys.AccessKey> configured) {
        this.engine = engine;
        this.configured = configured.stream().collect(Collectors.toUnmodifiableMap(SigningKeys.AccessKey::accessKeyId, Function.identity()));
        this.verifier = new SigV4Verifier(this::find);
    }

    @Override
    public AwsRequest authenticate(HttpExchange http, AwsRequest decoded) {
        SigV4Verifier.VerifiedCaller caller = verifier.verify(http, decoded.service(), engine.clock().now());
        return decoded.signedBy(caller.accessKeyId(), caller.accountId());
    }

    /** A configured key, else an active IAM key of any account (looked up on the engine thread, where IAM state lives). */
    private Optional<SigningKeys.AccessKey> find(String accessKeyId) {
        SigningKeys.AccessKey key = configured.get(accessKeyId);
        if (key != null) {
            return Optional.of(key);
        }
        return engine.readAccounts(accounts -> accounts.stream()
                .flatMap(a -> a.iamUsers().activeKey(accessKeyId)
                        .map(k -> new SigningKeys.AccessKey(k.accessKeyId(), k.secretAccessKey(), a.accountId())).stream())
                .findFirst());
    }
}
