package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.reach.Reach;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;

import static dev.ecsnet.app.server.AdminJson.JSON;

/** {@code GET /_ecsnet/reach?source=..&destination=..&port=..[&protocol=tcp][&account=..][&region=..]}. */
final class ReachEndpoint {
    private final Engine engine;

    ReachEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        String source = query.get("source");
        String destination = query.get("destination");
        int port;
        try {
            port = Integer.parseInt(query.getOrDefault("port", ""));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (source == null || destination == null) {
            return AdminJson.error(400, "source, destination and port are required");
        }
        if (port < 0 || port > 65535) {
            return AdminJson.error(400, "port must be a number from 0 to 65535, not '" + query.getOrDefault("port", "") + "'");
        }
        AccountRegion key = AdminJson.scope(query);
        String protocol = query.getOrDefault("protocol", "tcp");
        int p = port;
        try {
            ObjectNode out = engine.call(key, state -> {
                ObjectNode o = JSON.createObjectNode().put("source", source).put("destination", destination).put("protocol", protocol).put("port", p)
                        .put("account", key.accountId()).put("region", key.region());
                ArrayNode answers = o.putArray("answers");
                for (Reach.Answer a : new Reach(state).reach(source, destination, protocol, p)) {
                    ObjectNode x = answers.addObject().put("from", a.from()).put("to", a.to()).put("allowed", a.verdict().reachable());
                    if (a.verdict() instanceof Verdict.Blocked b) {
                        x.put("blockedBy", b.reason()).put("explanationCode", b.explanationCode()).put("component", b.componentId())
                                .put("componentKind", b.componentKind());
                    } else {
                        ArrayNode rules = x.putArray("allowedBy");
                        a.allowingRules().forEach(r -> rules.addObject().put("rule", r));
                    }
                    ArrayNode hops = x.putArray("path");
                    a.verdict().path().forEach(h -> hops.addObject().put("kind", h.kind()).put("id", h.id()).put("detail", h.detail()));
                }
                return o;
            });
            return AdminJson.json(200, out);
        } catch (DomainException e) {
            return AdminJson.error(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 400, e.getMessage());
        }
    }
}
