package dev.ecsnet.app.server;

import dev.ecsnet.protocol.AwsError;

import java.time.Duration;
import java.util.Optional;

/**
 * What the HTTP edge accepts before a request reaches the protocol layer, so that no client can take memory or
 * threads by being large or slow:
 * <ul>
 *   <li>a body of at most {@link #MAX_BODY_BYTES}: the largest request of any API ecsnet serves (CloudWatch Logs'
 *       1,048,576-byte PutLogEvents batch; an ECS task definition is at most 64 KiB, EC2 user data 16 KB). A
 *       declared larger body is refused before it is read; an undeclared (chunked) one when it passes the cap;</li>
 *   <li>request headers of at most {@link #MAX_HEADER_BYTES} (Jetty's default, refused with 431);</li>
 *   <li>headers complete within {@link #HEADER_DEADLINE} of their first byte, a body within {@link #BODY_DEADLINE};
 *       bodies are read without holding a thread, and a connection idle for {@link #IDLE_TIMEOUT} is closed.</li>
 * </ul>
 */
final class EdgeLimits {
    static final int MAX_BODY_BYTES = 1_048_576;
    /** {@code PUT /_ecsnet/state} (a whole sandbox, compressed) may be this large. */
    static final int MAX_STATE_DOCUMENT_BYTES = 512 << 20;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
    static final Duration BODY_DEADLINE = Duration.ofSeconds(20);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private EdgeLimits() {
    }

    /** The refusal for a declared body length, before a byte of it is read; empty when it may be read. */
    static Optional<AwsError> declaredBody(long contentLength, int maxBody) {
        return contentLength > maxBody ? Optional.of(bodyTooLarge(contentLength)) : Optional.empty();
    }

    /** The largest body a request to {@code path} may have. */
    static int maxBody(String path) {
        return StateEndpoint.PATH.equals(path) ? MAX_STATE_DOCUMENT_BYTES : MAX_BODY_BYTES;
    }

    static AwsError bodyTooLarge(long length) {
        String size = length >= 0 ? length + " bytes" : "more than " + MAX_BODY_BYTES + " bytes";
        return new AwsError("RequestEntityTooLarge", "The request body (" + size + ") is larger than the " + MAX_BODY_BYTES
                + " bytes any emulated API accepts", 413);
    }

    static AwsError bodyTooSlow() {
        return new AwsError("RequestTimeout", "The request body was not received within " + BODY_DEADLINE.toSeconds() + " s", 408);
    }

    /** What Jetty itself refused (a malformed request line or header, headers too large, ...), as an AWS error. */
    static AwsError rejectedByHttp(int status, String reason) {
        String why = reason == null || reason.isBlank() ? "the request is not valid HTTP" : reason;
        return switch (status) {
            case 408 -> new AwsError("RequestTimeout", "The request was not received in time: " + why, 408);
            case 413 -> new AwsError("RequestEntityTooLarge", "The request is too large: " + why, 413);
            case 414 -> new AwsError("RequestURITooLong", "The request URI is too long: " + why, 414);
            case 431 -> new AwsError("RequestHeaderSectionTooLarge", "The request headers are larger than " + MAX_HEADER_BYTES + " bytes", 431);
            default -> status >= 500 ? new AwsError("InternalFailure", "The request processing has failed: " + why, status)
                    : new AwsError("InvalidRequest", "The request is not valid HTTP: " + why, status);
        };
    }
}
