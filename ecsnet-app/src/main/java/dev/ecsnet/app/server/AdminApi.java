package dev.ecsnet.app.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import dev.ecsnet.engine.EngineBusy;
import dev.ecsnet.protocol.AwsRegions;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/** ecsnet's own endpoints under {@code /_ecsnet/}: health, reset, diagnose and reach, listed at {@code GET /_ecsnet}. */
final class AdminApi {
    static final String PREFIX = "/_ecsnet/";
    /** Trees only: an {@code ObjectMapper} would cost start-up time before the first health answer (see {@link #health}). */
    private static final Trees JSON = new Trees();
    private static final JsonFactory TEXT = new JsonFactory();

    private static final class Trees {
        ObjectNode createObjectNode() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private record Endpoint(String method, String path, String description, Function<HttpExchange, WireResponse> handler) {
    }

    private final Engine engine;
    private final List<String> services;
    private final IntSupplier port;
    private final InitScripts init;
    private final long startedNanos = System.nanoTime();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    AdminApi(Engine engine, List<String> services, IntSupplier port, InitScripts init) {
        this.engine = engine;
        this.services = List.copyOf(services);
        this.port = port;
        this.init = init;
        add("GET", "health", "readiness, version, port, uptime, timing, egress policy, seed, init scripts, services", x -> health());
        add("POST", "reset", "empties all state; every account and region starts again from its defaults", x -> {
            engine.reset();
            return json(200, JSON.createObjectNode().put("reset", true));
        });
        add("GET", "diagnose", "?target=TASK|CLUSTER|SERVICE[&region=R][&account=A]: what blocks it (ecsnet diagnose)",
                x -> diagnose(FormParams.parse(x.query())));
        add("GET", "reach", "?source=..&destination=..&port=..[&protocol=tcp][&region=R][&account=A]: can one reach the other (ecsnet reach)",
                x -> reach(FormParams.parse(x.query())));
    }

    private void add(String method, String name, String description, Function<HttpExchange, WireResponse> handler) {
        endpoints.put(PREFIX + name, new Endpoint(method, PREFIX + name, description, handler));
    }

    WireResponse handle(HttpExchange x) {
        String path = x.path();
        if (path.equals("/_ecsnet") || path.equals(PREFIX)) {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode list = out.putArray("endpoints");
            endpoints.values().forEach(e -> list.addObject().put("method", e.method()).put("path", e.path()).put("description", e.description()));
            return json(200, out);
        }
        Endpoint e = endpoints.get(path);
        if (e == null) {
            return json(404, JSON.createObjectNode().put("error", "no such endpoint: " + x.method() + " " + path + " (GET /_ecsnet lists them)"));
        }
        if (!e.method().equals(x.method())) {
            return WireResponse.text(405, "application/json", JSON.createObjectNode()
                    .put("error", "use " + e.method() + " for " + path).toString(), Map.of("Allow", e.method()));
        }
        try {
            return e.handler().apply(x);
        } catch (EngineBusy busy) {
            return json(503, JSON.createObjectNode().put("error", "ecsnet is busy: " + busy.getMessage()));
        }
    }

    /**
     * Written with the streaming generator, not a tree: the first health answer is what start-up is measured to, and
     * rendering a tree would first build Jackson's whole object mapper.
     */
    private WireResponse health() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = TEXT.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "ready");
            g.writeStringField("version", EcsnetVersion.current());
            g.writeNumberField("port", port.getAsInt());
            g.writeNumberField("uptimeSeconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
            g.writeStringField("timing", engine.timing().name().toLowerCase(Locale.ROOT));
            g.writeStringField("egress", engine.egress().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("seed", engine.seed());
            g.writeStringField("init", init.state());
            g.writeArrayFieldStart("initScripts");
            for (InitScripts.Result r : init.results()) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("result", r.state());
                g.writeNumberField("exitCode", r.exitCode());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("services");
            for (String s : services) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WireResponse.text(200, "application/json", out.toString(), Map.of());
    }

    /** The account and region an admin query names (default: 000000000000, us-east-1), or why they are refused. */
    private static Optional<AccountRegion> scope(Map<String, String> query, ObjectNode refusal) {
        String account = query.getOrDefault("account", RequestDecoder.DEFAULT_ACCOUNT);
        String region = query.getOrDefault("region", RequestDecoder.DEFAULT_REGION);
        if (!account.matches("\\d{12}")) {
            refusal.put("error", "account must be 12 digits, not '" + account + "'");
            return Optional.empty();
        }
        if (!AwsRegions.isKnown(region)) {
            refusal.put("error", "'" + region + "' is not an AWS region (ecsnet serves only real region names, e.g. us-east-1)");
            return Optional.empty();
        }
        return Optional.of(new AccountRegion(account, region));
    }

    /** {@code GET /_ecsnet/diagnose?target=TASK|CLUSTER|SERVICE[&account=ACCOUNT][&region=REGION]}: what blocks it. */
    private WireResponse diagnose(Map<String, String> query) {
        String target = query.get("target");
        if (target == null || target.isBlank()) {
            return json(400, JSON.createObjectNode().put("error", "the target parameter (a task ARN or id, or a cluster) is required"));
        }
        ObjectNode refusal = JSON.createObjectNode();
        Optional<AccountRegion> scope = scope(query, refusal);
        if (scope.isEmpty()) {
            return json(400, refusal);
        }
        AccountRegion key = scope.get();
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
        if (source == null || destination == null) {
            return json(400, JSON.createObjectNode().put("error", "source, destination and port are required"));
        }
        if (port < 0 || port > 65535) {
            return json(400, JSON.createObjectNode().put("error", "port must be a number from 0 to 65535, not '" + query.getOrDefault("port", "") + "'"));
        }
        ObjectNode refusal = JSON.createObjectNode();
        Optional<AccountRegion> scope = scope(query, refusal);
        if (scope.isEmpty()) {
            return json(400, refusal);
        }
        AccountRegion key = scope.get();
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
