package dev.ecsnet.protocol;

/**
 * An error as the client must see it: AWS error code, message and HTTP status. The codec of the request's
 * protocol renders it in that protocol's envelope; nothing else writes error bodies.
 */
public final class AwsError extends RuntimeException {
    private final String code;
    private final int httpStatus;

    public AwsError(String code, String message, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static AwsError badRequest(String code, String message) {
        return new AwsError(code, message, 400);
    }

    /**
     * The protocol's own unknown-operation error (JSON 1.1 {@code UnknownOperationException}, the query protocols'
     * {@code InvalidAction}; 400) with a message naming what ecsnet does not emulate, e.g.
     * {@code ecsnet does not emulate ecr:DescribeRepositories}.
     */
    public static AwsError notEmulated(ServiceSpec service, String operation) {
        String what = operation == null || operation.isBlank() ? "this operation" : operation;
        String message = "ecsnet does not emulate " + service.signingName() + ":" + what;
        return badRequest(service.protocol() == AwsProtocol.JSON_1_1 ? "UnknownOperationException" : "InvalidAction", message);
    }

    /**
     * A credential scope naming no real AWS region, in AWS's words ({@code Credential should be scoped to a valid
     * region, not 'x'.}): {@code SignatureDoesNotMatch} (403) in the query protocols, {@code InvalidSignatureException}
     * (400) in JSON 1.1.
     */
    public static AwsError invalidRegion(ServiceSpec service, String region) {
        String message = "Credential should be scoped to a valid region, not '" + region + "'.";
        return service.protocol() == AwsProtocol.JSON_1_1 ? new AwsError("InvalidSignatureException", message, 400)
                : new AwsError("SignatureDoesNotMatch", message, 403);
    }

    /**
     * The protocol's throttling error, which the AWS SDKs and CLI retry with back-off: {@code ThrottlingException}
     * (400, "Rate exceeded") for JSON 1.1, {@code RequestLimitExceeded} (503, "Request limit exceeded.") for EC2,
     * {@code Throttling} (400, "Rate exceeded") for the Query services.
     */
    public static AwsError throttled(ServiceSpec service) {
        return switch (service.protocol()) {
            case JSON_1_1 -> new AwsError("ThrottlingException", "Rate exceeded", 400);
            case EC2_QUERY -> new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503);
            case QUERY -> new AwsError("Throttling", "Rate exceeded", 400);
        };
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Query protocols say who is at fault: the caller (Sender) for 4xx, the service (Receiver) for 5xx. */
    public String faultType() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }
}
