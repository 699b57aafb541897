package dev.ecsnet.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an HTTP request the protocol layer needs, independent of the HTTP server in use.
 * Header names are compared case-insensitively; {@code headers} must be keyed by lower-case names.
 */
public record HttpExchange(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public HttpExchange {
        headers = Map.copyOf(headers);
        query = query == null ? "" : query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
