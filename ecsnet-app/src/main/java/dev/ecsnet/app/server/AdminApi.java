package dev.ecsnet.app.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.protocol.FormParams;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineBusy;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * ecsnet's own endpoints under {@code /_ecsnet/}, listed at {@code GET /_ecsnet}: health and reset here; diagnose,
 * reach, the topology page ({@link UiAssets}) and the read endpoints it draws from in their own classes.
 */
final class AdminApi {
    static final String PREFIX = "/_ecsnet/";
    private static final AdminJson.Trees JSON = AdminJson.JSON;
    private static final JsonFactory TEXT = new JsonFactory();

    private record Endpoint(String method, String path, String description, Function<HttpExchange, WireResponse> handler) {
    }

    private final Engine engine;
    private final List<String> services;
    private final IntSupplier port;
    private final InitScripts init;
    private final long startedNanos = System.nanoTime();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final UiAssets ui = new UiAssets();
    private final StateEndpoint state;

    AdminApi(Engine engine, List<String> services, IntSupplier port, InitScripts init, CommandRunner replayer) {
        this.engine = engine;
        this.services = List.copyOf(services);
        this.port = port;
        this.init = init;
        add("GET", "health", "readiness, version, port, uptime, timing, egress policy, seed, init scripts, services", x -> health());
        add("POST", "reset", "empties all state; every account and region starts again from its defaults", x -> {
            engine.reset();
            return json(200, JSON.createObjectNode().put("reset", true));
        });
        DiagnoseEndpoint diagnose = new DiagnoseEndpoint(engine);
        add("GET", "diagnose", "?target=TASK|CLUSTER|SERVICE[&region=R][&account=A]: what blocks it (ecsnet diagnose)",
                x -> diagnose.handle(FormParams.parse(x.query())));
        ReachEndpoint reach = new ReachEndpoint(engine);
        add("GET", "reach", "?source=..&destination=..&port=..[&protocol=tcp][&region=R][&account=A]: can one reach the other (ecsnet reach)",
                x -> reach.handle(FormParams.parse(x.query())));
        CapacityEndpoint capacity = new CapacityEndpoint(engine);
        add("GET", "capacity", "?launchTemplate=ID|NAME[&version=V]|autoScalingGroup=G[&taskDefinition=FAMILY[:REV]][&region=R][&account=A]: "
                + "the instance type, group sizes, awsvpcTrunking and task definition (ecsnet capacity)",
                x -> capacity.handle(FormParams.parse(x.query())));
        add("GET", "ui", "the topology page: open it in a browser", x -> ui.handle(x.method(), x.path()));
        add("GET", "version", "a number that grows whenever state may have changed (the page polls it)",
                x -> json(200, JSON.createObjectNode().put("version", engine.stateVersion())));
        TopologyEndpoint topology = new TopologyEndpoint(engine);
        add("GET", "topology", "[?region=R][&account=A]: VPCs, subnets, ENIs and what holds them, gateways, routes, groups, tasks, load balancers",
                x -> topology.handle(FormParams.parse(x.query())));
        TaskEndpoint task = new TaskEndpoint(engine);
        add("GET", "task", "?id=TASK[&region=R][&account=A]: a task, its ENI, its security groups and what diagnose says",
                x -> task.handle(FormParams.parse(x.query())));
        ServiceEndpoint service = new ServiceEndpoint(engine);
        add("GET", "service", "?name=SERVICE[&cluster=C][&region=R][&account=A]: a service's deployments, events and counts",
                x -> service.handle(FormParams.parse(x.query())));
        RegionsEndpoint regions = new RegionsEndpoint(engine);
        add("GET", "regions", "the accounts and regions that exist so far", x -> regions.handle());
        state = new StateEndpoint(engine, replayer);
        add("GET", "state", "the whole sandbox as one compressed document (ecsnet state save); PUT one to replace all state with it (state load)",
                x -> state.save());
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
        if (ui.serves(path)) {
            return ui.handle(x.method(), path);
        }
        Endpoint e = endpoints.get(path);
        if (e == null) {
            return json(404, JSON.createObjectNode().put("error", "no such endpoint: " + x.method() + " " + path + " (GET /_ecsnet lists them)"));
        }
        if (!e.method().equals(x.method()) && !(path.equals(StateEndpoint.PATH) && x.method().equals("PUT"))) {
            return WireResponse.text(405, "application/json", JSON.createObjectNode()
                    .put("error", "use " + e.method() + " for " + path).toString(), Map.of("Allow", e.method()));
        }
        try {
            if (path.equals(StateEndpoint.PATH) && x.method().equals("PUT")) {
                return state.load(x);
            }
            return e.handler().apply(x);
        } catch (EngineBusy busy) {
            return json(503, JSON.createObjectNode().put("error", "ecsnet is busy: " + busy.getMessage()));
        } catch (AdminJson.Refusal refused) {
            return json(refused.status(), JSON.createObjectNode().put("error", refused.getMessage()));
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

    private static WireResponse json(int status, ObjectNode body) {
        return WireResponse.text(status, "application/json", body.toString(), Map.of());
    }
}
