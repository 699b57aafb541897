package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * A service's {@code serviceConnectConfiguration}: {@code document} is what the client sent (with the namespace
 * ECS chose filled in when it came from the cluster's default), so that it reads back as sent; the other members
 * are the parts ecsnet acts on. {@code services} empty means a client-only service: it registers nothing.
 */
public record ServiceConnectConfiguration(boolean enabled, Optional<String> namespace, List<Endpoint> services,
                                          Map<String, Object> document) {

    public ServiceConnectConfiguration {
        services = List.copyOf(services);
        document = Collections.unmodifiableMap(ClientDocument.deepCopy(document));
    }

    /** One {@code services[]} entry: the task definition port it exposes, and the Cloud Map service it is discovered by. */
    public record Endpoint(String portName, Optional<String> discoveryName, Optional<Integer> ingressPortOverride,
                           List<Integer> clientAliasPorts) {
        public Endpoint {
            clientAliasPorts = List.copyOf(clientAliasPorts);
        }

        /** The Cloud Map service name: {@code discoveryName}, else the port name. */
        public String cloudMapName() {
            return discoveryName.orElse(portName);
        }
    }

    /** Reads a client's document; members of the wrong shape are refused with ECS's validation error. */
    public static ServiceConnectConfiguration of(Map<String, Object> document) {
        Object enabled = document.get("enabled");
        if (!(enabled instanceof Boolean)) {
            throw invalidParameter("serviceConnectConfiguration.enabled can not be null or empty.");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map<String, Object> s : ClientDocument.objects(document, "services")) {
            String portName = ClientDocument.string(s, "portName").filter(x -> !x.isEmpty())
                    .orElseThrow(() -> invalidParameter("serviceConnectConfiguration.services.portName can not be null or empty."));
            List<Integer> ports = new ArrayList<>();
            for (Map<String, Object> alias : ClientDocument.objects(s, "clientAliases")) {
                ports.add(ClientDocument.integer(alias, "port").orElseThrow(() ->
                        invalidParameter("serviceConnectConfiguration.services.clientAliases.port can not be null or empty.")));
            }
            endpoints.add(new Endpoint(portName, ClientDocument.string(s, "discoveryName").filter(x -> !x.isEmpty()),
                    ClientDocument.integer(s, "ingressPortOverride"), ports));
        }
        return new ServiceConnectConfiguration((Boolean) enabled, ClientDocument.string(document, "namespace").filter(x -> !x.isEmpty()),
                endpoints, document);
    }

    /** The same configuration naming the namespace ECS used. */
    ServiceConnectConfiguration withNamespace(String namespaceArn) {
        Map<String, Object> doc = ClientDocument.deepCopy(document);
        doc.put("namespace", namespaceArn);
        return new ServiceConnectConfiguration(enabled, Optional.of(namespaceArn), services, doc);
    }
}
