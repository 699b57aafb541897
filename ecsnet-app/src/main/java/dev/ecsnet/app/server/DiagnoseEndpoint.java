package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.ecs.Diagnoser;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;

import static dev.ecsnet.app.server.AdminJson.JSON;

/** {@code GET /_ecsnet/diagnose?target=TASK|CLUSTER|SERVICE[&account=ACCOUNT][&region=REGION]}: what blocks it. */
final class DiagnoseEndpoint {
    private final Engine engine;

    DiagnoseEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        String target = query.get("target");
        if (target == null || target.isBlank()) {
            return AdminJson.error(400, "the target parameter (a task ARN or id, or a cluster) is required");
        }
        AccountRegion key = AdminJson.scope(query);
        try {
            return AdminJson.json(200, engine.call(key, state -> render(key, state.ecs().diagnoser().diagnose(target))));
        } catch (DomainException e) {
            return AdminJson.error(404, e.getMessage());
        }
    }

    /** The JSON of one report; the task view of the UI shows the same. */
    static ObjectNode render(AccountRegion key, Diagnoser.Report report) {
        ObjectNode o = JSON.createObjectNode().put("target", report.target()).put("kind", report.kind())
                .put("account", key.accountId()).put("region", key.region());
        ArrayNode findings = o.putArray("findings");
        report.findings().forEach(f -> findings.addObject().put("subject", f.subject()).put("status", f.status())
                .put("resource", f.resource()).put("message", f.message()));
        return o;
    }
}
