package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;

import static dev.ecsnet.app.server.AdminJson.JSON;

/**
 * {@code GET /_ecsnet/topology[?account=A][&region=R]}: everything the topology page draws for one account and
 * region ({@link TopologyView}); a region nothing has created yet answers {@code "exists": false} and stays uncreated.
 */
final class TopologyEndpoint {
    private final Engine engine;

    TopologyEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        AccountRegion key = AdminJson.scope(query);
        // read before the view is built, so a change during the build shows as a newer version on the next poll
        long version = engine.stateVersion();
        ObjectNode view = AdminJson.read(engine, key, state -> TopologyView.render(state, version).put("exists", true))
                .orElseGet(() -> JSON.createObjectNode().put("account", key.accountId()).put("region", key.region())
                        .put("version", version).put("exists", false));
        return AdminJson.json(200, view);
    }
}
