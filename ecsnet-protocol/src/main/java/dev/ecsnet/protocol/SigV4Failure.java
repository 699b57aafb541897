package dev.ecsnet.protocol;

/**
 * Why a request's SigV4 signature was refused, independent of protocol; {@link #toAwsError(AwsProtocol)} gives the
 * code, status and message the caller's protocol uses for it (see docs/aws-behaviour.md, "Signatures").
 */
public final class SigV4Failure extends RuntimeException {
    static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /** The kinds AWS tells apart; each maps to one error per protocol. */
    public enum Kind {
        /** Neither an {@code Authorization} header nor {@code X-Amz-Algorithm} in the query. */
        MISSING,
        /** A signature is there but malformed or incomplete. */
        INCOMPLETE,
        /** The access key id is not known (or not active). */
        UNKNOWN_KEY,
        /** Well-formed, known key, but the signature (or the credential scope) is wrong. */
        MISMATCH,
        /** Signed more than 15 minutes from the server's time, or a presigned request past its expiry. */
        TIME
    }

    private final Kind kind;

    SigV4Failure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The protocol's error: EC2 {@code MissingAuthenticationToken} / {@code IncompleteSignature} / {@code AuthFailure} /
     * {@code SignatureDoesNotMatch} / {@code RequestExpired}; Query {@code MissingAuthenticationToken} /
     * {@code IncompleteSignature} / {@code InvalidClientTokenId} / {@code SignatureDoesNotMatch} (also for time);
     * JSON 1.1 {@code MissingAuthenticationTokenException} / {@code IncompleteSignatureException} /
     * {@code UnrecognizedClientException} / {@code InvalidSignatureException} (also for time).
     */
    public AwsError toAwsError(AwsProtocol protocol) {
        return switch (protocol) {
            case EC2_QUERY -> switch (kind) {
                case MISSING -> new AwsError("MissingAuthenticationToken",
                        "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.", 401);
                case INCOMPLETE -> new AwsError("IncompleteSignature", getMessage(), 400);
                case UNKNOWN_KEY -> new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
                case MISMATCH -> new AwsError("SignatureDoesNotMatch", getMessage().startsWith(MISMATCH_MESSAGE) ? MISMATCH_MESSAGE : getMessage(), 403);
                case TIME -> new AwsError("RequestExpired", "Request has expired.", 400);
            };
            case QUERY -> switch (kind) {
                case MISSING -> new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
                case INCOMPLETE -> new AwsError("IncompleteSignature", getMessage(), 400);
                case UNKNOWN_KEY -> new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
                case MISMATCH, TIME -> new AwsError("SignatureDoesNotMatch", getMessage(), 403);
            };
            case JSON_1_1 -> switch (kind) {
                case MISSING -> new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", 400);
                case INCOMPLETE -> new AwsError("IncompleteSignatureException", getMessage(), 400);
                case UNKNOWN_KEY -> new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 400);
                case MISMATCH, TIME -> new AwsError("InvalidSignatureException", getMessage(), 400);
            };
        };
    }
}
