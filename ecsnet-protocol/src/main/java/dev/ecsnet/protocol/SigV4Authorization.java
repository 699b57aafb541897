package dev.ecsnet.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a request claims about its SigV4 signature, in either form: the {@code Authorization: AWS4-HMAC-SHA256
 * Credential=..., SignedHeaders=..., Signature=...} header, or a presigned query ({@code X-Amz-Algorithm},
 * {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders},
 * {@code X-Amz-Signature}). Parsing checks the shape only, with AWS's messages; nothing here knows a key.
 */
record SigV4Authorization(boolean presigned, String accessKeyId, String scopeDate, String region, String service,
                          String terminator, String signedHeaders, String signature, String amzDate, Instant signedAt,
                          OptionalLong expiresSeconds) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The longest a presigned request may live (a signing key is valid for seven days). */
    static final long MAX_EXPIRES_SECONDS = 604_800;
    /** No header value or parameter is echoed longer than this in a message. */
    private static final int SHOWN = 256;
    static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);

    String scope() {
        return scopeDate + "/" + region + "/" + service + "/" + terminator;
    }

    List<String> signedHeaderNames() {
        return List.of(signedHeaders.split(";", -1));
    }

    static SigV4Authorization of(HttpExchange http) {
        Optional<String> header = http.header("authorization");
        Map<String, String> query = FormParams.parse(http.query());
        if (header.isPresent() && query.containsKey("X-Amz-Algorithm")) {
            throw incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified");
        }
        if (header.isPresent()) {
            return fromHeader(header.get(), http);
        }
        if (query.containsKey("X-Amz-Algorithm")) {
            return fromQuery(query);
        }
        throw new SigV4Failure(SigV4Failure.Kind.MISSING, "no Authorization header and no X-Amz-Algorithm query parameter");
    }

    private static SigV4Authorization fromHeader(String value, HttpExchange http) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + shown(algorithm) + "' (ecsnet verifies " + ALGORITHM + " signatures)");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        // AWS splits on commas and white space alike: a stray space inside a value shows up as a pair without '='
        for (String part : (space < 0 ? "" : trimmed.substring(space + 1)).split("[,\\s]+")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw incomplete("'" + shown(p) + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + shown(trimmed) + "'.");
            }
            parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        Optional<String> amzDate = http.header("x-amz-date").map(String::trim);
        Optional<String> date = http.header("date").map(String::trim);
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(required)) {
                missing.append("Authorization header requires '").append(required).append("' parameter. ");
            }
        }
        if (amzDate.isEmpty() && date.isEmpty()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw incomplete(missing + "Authorization=" + shown(trimmed));
        }
        Instant signedAt = amzDate.isPresent() ? basicDate(amzDate.get()) : httpDate(date.get());
        return build(false, parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"),
                BASIC.format(signedAt), signedAt, OptionalLong.empty());
    }

    private static SigV4Authorization fromQuery(Map<String, String> query) {
        List<String> names = List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");
        if (!names.stream().allMatch(query::containsKey)) {
            throw incomplete("AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', "
                    + "'X-Amz-SignedHeaders', 'X-Amz-Date'. Re-examine the query-string parameters.");
        }
        String algorithm = query.get("X-Amz-Algorithm");
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("X-Amz-Algorithm only supports \"" + ALGORITHM + "\", not '" + shown(algorithm) + "'");
        }
        OptionalLong expires = OptionalLong.empty();
        String expiresText = query.get("X-Amz-Expires");
        if (expiresText != null) {
            long seconds;
            try {
                seconds = expiresText.length() > 7 ? Long.MAX_VALUE : Long.parseLong(expiresText);
            } catch (NumberFormatException e) {
                throw incomplete("X-Amz-Expires should be a number");
            }
            if (seconds < 0) {
                throw incomplete("X-Amz-Expires must be non-negative");
            }
            if (seconds > MAX_EXPIRES_SECONDS) {
                throw incomplete("X-Amz-Expires must be less than a week (in seconds) that is 604800");
            }
            expires = OptionalLong.of(seconds);
        }
        String amzDate = query.get("X-Amz-Date");
        return build(true, query.get("X-Amz-Credential"), query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"),
                amzDate, basicDate(amzDate), expires);
    }

    private static SigV4Authorization build(boolean presigned, String credential, String signedHeaders, String signature,
                                            String amzDate, Instant signedAt, OptionalLong expires) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                    + shown(credential) + "'");
        }
        if (!List.of(signedHeaders.split(";", -1)).contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new SigV4Authorization(presigned, scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, signature,
                amzDate, signedAt, expires);
    }

    private static Instant basicDate(String text) {
        try {
            return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + shown(text) + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw incomplete("Date must be an RFC 1123 date when there is no X-Amz-Date header. Got '" + shown(text) + "'");
        }
    }

    static String shown(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    }

    private static SigV4Failure incomplete(String message) {
        return new SigV4Failure(SigV4Failure.Kind.INCOMPLETE, message);
    }
}
