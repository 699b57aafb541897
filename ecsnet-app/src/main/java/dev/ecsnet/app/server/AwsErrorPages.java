package dev.ecsnet.app.server;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.protocol.WireResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every request Jetty refuses by itself (a duplicate {@code Host}, {@code /%00}, headers over 8 KiB, a malformed
 * request line) gets an AWS-shaped error in the envelope its headers point to, never Jetty's HTML page.
 */
final class AwsErrorPages extends ErrorHandler {
    private final Dispatcher dispatcher;

    AwsErrorPages(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    static Map<String, String> headers(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getName().toLowerCase(Locale.ROOT), f.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        WireResponse answer = dispatcher.refuse(headers(request), EdgeLimits.rejectedByHttp(code, message));
        FrontDoor.write(response, answer, callback);
    }

    /** Errors found while parsing, before there is a request: no headers to go by, so the Query envelope. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        WireResponse answer = dispatcher.refuse(Map.of(), EdgeLimits.rejectedByHttp(status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        return ByteBuffer.wrap(answer.body());
    }
}
