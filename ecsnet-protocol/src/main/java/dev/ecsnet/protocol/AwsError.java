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
