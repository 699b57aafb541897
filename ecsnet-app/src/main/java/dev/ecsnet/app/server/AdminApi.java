package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;

import java.util.List;
import java.util.Map;

/** ecsnet's own endpoints under {@code /_ecsnet/}: health and reset. */
final class AdminApi {
    static final String PREFIX = "/_ecsnet/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final List<String> services;

    AdminApi(Engine engine, List<String> services) {
        this.engine = engine;
        this.services = List.copyOf(services);
    }

    WireResponse handle(HttpExchange x) {
        String path = x.path();
        if (path.equals(PREFIX + "health") && x.method().equals("GET")) {
            ObjectNode out = JSON.createObjectNode().put("status", "ready").put("timing", engine.timing().name().toLowerCase(java.util.Locale.ROOT))
                    .put("egress", engine.egress().name().toLowerCase(java.util.Locale.ROOT));
            services.forEach(out.putArray("services")::add);
            return json(200, out);
        }
        if (path.equals(PREFIX + "reset") && x.method().equals("POST")) {
            engine.reset();
            return json(200, JSON.createObjectNode().put("reset", true));
        }
        return json(404, JSON.createObjectNode().put("error", "no such endpoint: " + x.method() + " " + path));
    }

    private static WireResponse json(int status, ObjectNode body) {
        return WireResponse.text(status, "application/json", body.toString(), Map.of());
    }
}
