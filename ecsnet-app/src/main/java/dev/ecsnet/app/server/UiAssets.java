package dev.ecsnet.app.server;

import dev.ecsnet.protocol.WireResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The topology page's files, hand-written and served from the jar ({@code dev/ecsnet/app/ui/}): {@code GET
 * /_ecsnet/ui} is the page, {@code /_ecsnet/ui/NAME} its modules, style sheet and icon. Nothing is built or fetched.
 */
final class UiAssets {
    static final String PAGE = "/_ecsnet/ui";
    private static final String ROOT = "dev/ecsnet/app/ui/";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> loaded = new ConcurrentHashMap<>();

    boolean serves(String path) {
        return path.equals(PAGE) || path.startsWith(PAGE + "/");
    }

    WireResponse handle(String method, String path) {
        if (!method.equals("GET")) {
            return WireResponse.text(405, "application/json", "{\"error\":\"use GET for " + path + "\"}", Map.of("Allow", "GET"));
        }
        String name = path.equals(PAGE) || path.equals(PAGE + "/") ? "index.html" : path.substring(PAGE.length() + 1);
        Optional<byte[]> body = NAME.matcher(name).matches() ? loaded.computeIfAbsent(name, UiAssets::load) : Optional.empty();
        if (body.isEmpty()) {
            return AdminJson.error(404, "no such file of the UI: " + path);
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        // the page and its modules change only with a new build; revalidating keeps a reloaded page current
        return new WireResponse(200, type, Map.of("Cache-Control", "no-cache"), body.get());
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = UiAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
