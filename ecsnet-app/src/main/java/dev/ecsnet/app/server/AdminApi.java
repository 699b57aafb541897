package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.analysis.Verdict;
import dev.ecsnet.domain.ecs.Diagnoser;
import dev.ecsnet.domain.reach.Reach;
import dev.ecsnet.protocol.FormParams;
import dev.ecsnet.protocol.RequestDecoder;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;

import java.util.List;
import java.util.Map;

/** ecsnet's own endpoints under {@code /_ecsnet/}: health, reset, diagnose and reach. */
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
        if (path.equals(PREFIX + "diagnose") && x.method().equals("GET")) {
            return diagnose(FormParams.parse(x.query()));
        }
        if (path.equals(PREFIX + "reach") && x.method().equals("GET")) {
            return reach(FormParams.parse(x.query()));
        }
        if (path.equals(PREFIX + "reset") && x.method().equals("POST")) {
            engine.reset();
            return json(200, JSON.createObjectNode().put("reset", true));
        }
        return json(404, JSON.createObjectNode().put("error", "no such endpoint: " + x.method() + " " + path));
    }

    /** {@code GET /_ecsnet/diagnose?target=TASK|CLUSTER|SERVICE[&account=ACCOUNT][&region=REGION]}: what blocks it. */
    private WireResponse diagnose(Map<String, String> query) {
        String target = query.get("target");
        if (target == null || target.isBlank()) {
            return json(400, JSON.createObjectNode().put("error", "the target parameter (a task ARN or id, or a cluster) is required"));
        }
        AccountRegion key = new AccountRegion(query.getOrDefault("account", RequestDecoder.DEFAULT_ACCOUNT),
                query.getOrDefault("region", RequestDecoder.DEFAULT_REGION));
        try {
            ObjectNode out = engine.call(key, state -> {
                Diagnoser.Report report = state.ecs().diagnoser().diagnose(target);
                ObjectNode o = JSON.createObjectNode().put("target", report.target()).put("kind", report.kind())
                        .put("account", key.accountId()).put("region", key.region());
                ArrayNode findings = o.putArray("findings");
                report.findings().forEach(f -> findings.addObject().put("subject", f.subject()).put("status", f.status())
                        .put("resource", f.resource()).put("message", f.message()));
                return o;
            });
            return json(200, out);
        } catch (DomainException e) {
            return json(404, JSON.createObjectNode().put("error", e.getMessage()));
        }
    }

    /** {@code GET /_ecsnet/reach?source=..&destination=..&port=..[&protocol=tcp][&account=..][&region=..]}. */
    private WireResponse reach(Map<String, String> query) {
        String source = query.get("source");
        String destination = query.get("destination");
        int port;
        try {
            port = Integer.parseInt(query.getOrDefault("port", ""));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (source == null || destination == null || port < 0 || port > 65535) {
            return json(400, JSON.createObjectNode().put("error", "source, destination and port (0-65535) are required"));
        }
        AccountRegion key = new AccountRegion(query.getOrDefault("account", RequestDecoder.DEFAULT_ACCOUNT),
                query.getOrDefault("region", RequestDecoder.DEFAULT_REGION));
        String protocol = query.getOrDefault("protocol", "tcp");
        int p = port;
        try {
            ObjectNode out = engine.call(key, state -> {
                ObjectNode o = JSON.createObjectNode().put("source", source).put("destination", destination).put("protocol", protocol).put("port", p);
                ArrayNode answers = o.putArray("answers");
                for (Reach.Answer a : new Reach(state).reach(source, destination, protocol, p)) {
                    ObjectNode x = answers.addObject().put("from", a.from()).put("to", a.to()).put("allowed", a.verdict().reachable());
                    if (a.verdict() instanceof Verdict.Blocked b) {
                        x.put("blockedBy", b.reason()).put("explanationCode", b.explanationCode()).put("component", b.componentId());
                    } else {
                        ArrayNode rules = x.putArray("allowedBy");
                        a.allowingRules().forEach(r -> rules.addObject().put("rule", r));
                    }
                    ArrayNode hops = x.putArray("path");
                    a.verdict().path().forEach(h -> hops.addObject().put("kind", h.kind()).put("id", h.id()).put("detail", h.detail()));
                }
                return o;
            });
            return json(200, out);
        } catch (DomainException e) {
            return json(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 400, JSON.createObjectNode().put("error", e.getMessage()));
        }
    }

    private static WireResponse json(int status, ObjectNode body) {
        return WireResponse.text(status, "application/json", body.toString(), Map.of());
    }
}
