package dev.ecsnet.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Bytes ready to be written back: status, content type, extra headers and body. */
public record WireResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public WireResponse {
        headers = Map.copyOf(headers);
    }

    public static WireResponse text(int status, String contentType, String body, Map<String, String> headers) {
        return new WireResponse(status, contentType, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
