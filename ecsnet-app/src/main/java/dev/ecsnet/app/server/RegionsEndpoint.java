package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import static dev.ecsnet.app.server.AdminJson.JSON;

/** {@code GET /_ecsnet/regions}: every account and region that exists so far, for the page's picker. */
final class RegionsEndpoint {
    private final Engine engine;

    RegionsEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle() {
        ObjectNode out = engine.readAll(regions -> {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode list = o.putArray("regions");
            for (RegionState r : regions) {
                list.addObject().put("account", r.key().accountId()).put("region", r.key().region())
                        .put("vpcs", r.network().vpcs().size()).put("clusters", r.ecs().clusters().size());
            }
            return o;
        });
        return AdminJson.json(200, out);
    }
}
