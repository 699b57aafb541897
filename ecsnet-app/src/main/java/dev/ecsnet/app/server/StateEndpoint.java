package dev.ecsnet.app.server;

import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.store.StateDocument;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;

/**
 * {@code GET /_ecsnet/state}: the whole sandbox, every account and region, as one {@link StateDocument};
 * {@code PUT /_ecsnet/state}: replaces the current state with the one a document holds ({@code ecsnet state save}
 * and {@code state load}).
 */
final class StateEndpoint {
    static final String PATH = AdminApi.PREFIX + "state";
    static final String CONTENT_TYPE = "application/vnd.ecsnet.state+gzip";

    private final Engine engine;
    private final CommandRunner replayer;

    StateEndpoint(Engine engine, CommandRunner replayer) {
        this.engine = engine;
        this.replayer = replayer;
    }

    WireResponse save() {
        return new WireResponse(200, CONTENT_TYPE, Map.of("Content-Disposition", "attachment; filename=\"ecsnet-state.gz\""),
                StateDocument.write(engine.snapshot()));
    }

    WireResponse load(HttpExchange x) {
        StateDocument.Contents document;
        try {
            document = StateDocument.read(x.body());
        } catch (CommandRecord.UnsupportedFormat e) {
            throw new AdminJson.Refusal(400, e.getMessage());
        }
        try {
            document.loadInto(engine, replayer);
        } catch (Engine.ReplayFailure | IllegalArgumentException e) {
            throw new AdminJson.Refusal(422, "the state document does not load on this ecsnet: " + e.getMessage());
        }
        com.fasterxml.jackson.databind.node.ObjectNode answer = AdminJson.JSON.createObjectNode().put("loaded", true)
                .put("formatVersion", document.version());
        if (document.commandCount() >= 0) {
            answer.put("commands", document.commandCount());
        }
        return WireResponse.text(200, "application/json", answer.put("seed", engine.seed()).toString(), Map.of());
    }
}
