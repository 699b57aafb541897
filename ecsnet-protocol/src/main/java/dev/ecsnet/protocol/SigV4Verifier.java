package dev.ecsnet.protocol;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4, header and presigned-query forms, as AWS does for the services ecsnet serves:
 * the credential scope (terminator, service, date), the request time (within 15 minutes of the server's clock; a
 * presigned request until {@code X-Amz-Date + X-Amz-Expires}), the key, and the signature over the canonical
 * request. The payload hash is {@code x-amz-content-sha256} when sent (a hex value must match the body;
 * {@code UNSIGNED-PAYLOAD} is taken as it is), otherwise the body's SHA-256; a presigned request may also have
 * signed {@code UNSIGNED-PAYLOAD}. A refusal is the caller's protocol's error ({@link SigV4Failure#toAwsError}).
 * Knows no service: the caller says which signing name the request was routed to.
 */
public final class SigV4Verifier {
    /** How far a signature's time may be from the server's, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final SigningKeys keys;

    public SigV4Verifier(SigningKeys keys) {
        this.keys = keys;
    }

    /** The key that signed the request and its account, or the protocol's error for why the signature is refused. */
    public VerifiedCaller verify(HttpExchange http, ServiceSpec service, Instant now) {
        try {
            SigV4Authorization auth = SigV4Authorization.of(http);
            checkScope(auth, service);
            checkTime(auth, now);
            SigningKeys.AccessKey key = keys.find(auth.accessKeyId())
                    .orElseThrow(() -> new SigV4Failure(SigV4Failure.Kind.UNKNOWN_KEY, "unknown access key " + auth.accessKeyId()));
            String canonical = null;
            for (String payloadHash : payloadHashes(http, auth)) {
                canonical = CanonicalRequest.of(http, auth, payloadHash);
                String expected = CanonicalRequest.signature(key.secretAccessKey(), auth, CanonicalRequest.stringToSign(auth, canonical));
                if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), auth.signature().getBytes(StandardCharsets.UTF_8))) {
                    return new VerifiedCaller(key.accessKeyId(), key.accountId());
                }
            }
            throw new SigV4Failure(SigV4Failure.Kind.MISMATCH, SigV4Failure.MISMATCH_MESSAGE
                    + "\n\nThe Canonical String for this request should have been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'"
                    + CanonicalRequest.stringToSign(auth, canonical) + "'\n");
        } catch (SigV4Failure f) {
            throw f.toAwsError(service.protocol());
        }
    }

    private static void checkScope(SigV4Authorization auth, ServiceSpec service) {
        if (!auth.terminator().equals("aws4_request")) {
            throw mismatch("Credential should be scoped with a valid terminator: 'aws4_request', not '" + SigV4Authorization.shown(auth.terminator()) + "'.");
        }
        if (!auth.service().equals(service.signingName())) {
            throw mismatch("Credential should be scoped to correct service: '" + service.signingName() + "'. ");
        }
        if (!auth.amzDate().startsWith(auth.scopeDate()) || auth.scopeDate().length() != 8) {
            throw mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + SigV4Authorization.shown(auth.scopeDate()) + "' != '" + auth.amzDate().substring(0, 8) + "', from '" + auth.amzDate() + "'.");
        }
    }

    private static void checkTime(SigV4Authorization auth, Instant now) {
        String signed = auth.amzDate();
        if (auth.signedAt().isAfter(now.plus(MAX_SKEW))) {
            throw new SigV4Failure(SigV4Failure.Kind.TIME, "Signature not yet current: " + signed + " is still later than "
                    + basic(now.plus(MAX_SKEW)) + " (" + basic(now) + " + 15 min.)");
        }
        if (auth.presigned()) {
            long expires = auth.expiresSeconds().orElse(MAX_SKEW.toSeconds());
            Instant until = auth.signedAt().plusSeconds(expires);
            if (now.isAfter(until)) {
                throw new SigV4Failure(SigV4Failure.Kind.TIME, "Signature expired: " + signed + " is now earlier than "
                        + basic(now.minusSeconds(expires)) + " (" + basic(now) + " - " + expires + " sec.)");
            }
        } else if (auth.signedAt().isBefore(now.minus(MAX_SKEW))) {
            throw new SigV4Failure(SigV4Failure.Kind.TIME, "Signature expired: " + signed + " is now earlier than "
                    + basic(now.minus(MAX_SKEW)) + " (" + basic(now) + " - 15 min.)");
        }
    }

    private static List<String> payloadHashes(HttpExchange http, SigV4Authorization auth) {
        Optional<String> declared = http.header("x-amz-content-sha256").map(String::trim);
        byte[] body = http.body() == null ? new byte[0] : http.body();
        if (declared.isPresent()) {
            String value = declared.get();
            if (value.matches("[0-9a-fA-F]{64}") && !value.equalsIgnoreCase(CanonicalRequest.sha256Hex(body))) {
                throw mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
            return List.of(value);
        }
        String bodyHash = CanonicalRequest.sha256Hex(body);
        return auth.presigned() ? List.of(bodyHash, CanonicalRequest.UNSIGNED_PAYLOAD) : List.of(bodyHash);
    }

    private static String basic(Instant t) {
        return SigV4Authorization.BASIC.format(t);
    }

    private static SigV4Failure mismatch(String message) {
        return new SigV4Failure(SigV4Failure.Kind.MISMATCH, message);
    }

    /** Who signed: the access key id and the account it acts for. */
    public record VerifiedCaller(String accessKeyId, String accountId) {
    }
}
