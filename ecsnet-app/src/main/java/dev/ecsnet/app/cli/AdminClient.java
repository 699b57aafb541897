package dev.ecsnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the command line asks a running ecsnet's admin API: GET with query parameters, a JSON answer or an error. */
final class AdminClient {
    private AdminClient() {
    }

    /** The JSON answer, or empty after printing why there is none (no server, not found, bad request). */
    static Optional<JsonNode> get(String endpoint, String path, Map<String, String> query, String command) throws InterruptedException {
        return get(endpoint, path, query, command, new java.io.PrintWriter(System.err, true));
    }

    /** As {@link #get(String, String, Map, String)}, saying why there is no answer on {@code err}. */
    static Optional<JsonNode> get(String endpoint, String path, Map<String, String> query, String command, java.io.PrintWriter err)
            throws InterruptedException {
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri;
        try {
            uri = URI.create(endpoint.replaceAll("/+$", "") + path + "?" + q);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            err.println("ecsnet " + command + ": --endpoint " + endpoint + " is not a URL like http://127.0.0.1:4566");
            err.flush();
            return Optional.empty();
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            err.println("ecsnet " + command + ": no ecsnet answers at " + endpoint + " (connection refused; is 'ecsnet serve' running there?)");
            err.flush();
            return Optional.empty();
        } catch (IOException e) {
            err.println("ecsnet " + command + ": no ecsnet answers at " + endpoint + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            err.flush();
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            err.println("ecsnet " + command + ": unexpected answer from " + endpoint + ": " + response.body());
            err.flush();
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            err.println("ecsnet " + command + ": " + body.path("error").asText(response.body()));
            err.flush();
            return Optional.empty();
        }
        return Optional.of(body);
    }
}
