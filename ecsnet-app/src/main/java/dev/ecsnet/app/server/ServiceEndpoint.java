package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.ecs.EcsDescriptions;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.Services;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /_ecsnet/service?name=NAME_OR_ARN[&cluster=C][&account=A][&region=R]}: the service as DescribeServices
 * answers it (deployments, events, running/desired/pending counts) for the page's service view.
 */
final class ServiceEndpoint {
    private final Engine engine;

    ServiceEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        String name = AdminJson.required(query, "name", "a service name or ARN");
        Optional<String> cluster = Optional.ofNullable(query.get("cluster")).filter(c -> !c.isBlank());
        AccountRegion key = AdminJson.scope(query);
        Optional<ObjectNode> out = AdminJson.read(engine, key, state -> {
            Services services = state.ecs().services();
            Optional<Service> s = cluster.isPresent()
                    ? state.ecs().findCluster(cluster.get()).flatMap(c -> services.find(c, name))
                    : services.findAnywhere(name);
            return s.map(svc -> {
                ObjectNode o = AdminJson.JSON.createObjectNode().put("account", key.accountId()).put("region", key.region());
                o.set("service", EcsDescriptions.service(services, svc));
                return o;
            }).orElse(null);
        });
        return out.map(o -> AdminJson.json(200, o)).orElseGet(() -> AdminJson.error(404, "no service '" + name + "'"
                + cluster.map(c -> " in cluster " + c).orElse("") + " in " + key.region() + " (account " + key.accountId() + ")"));
    }
}
