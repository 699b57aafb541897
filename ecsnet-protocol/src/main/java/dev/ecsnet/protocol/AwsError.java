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
