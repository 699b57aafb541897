package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.ecs.ServiceConnectDirectory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Map as ECS Service Connect uses it (the {@link ServiceConnectDirectory} port): namespaces by name or ARN,
 * HTTP services for each endpoint (discoverable through the API only, as Service Connect creates them), and the
 * tasks registered in them.
 */
public final class EcsServiceConnect implements ServiceConnectDirectory {
    private final CloudMap cloudMap;

    public EcsServiceConnect(CloudMap cloudMap) {
        this.cloudMap = cloudMap;
    }

    @Override
    public Optional<Namespace> namespace(String nameOrArn) {
        return cloudMap.namespaces().stream()
                .filter(n -> n.arn().equals(nameOrArn) || n.name().equals(nameOrArn))
                .findFirst().map(EcsServiceConnect::view);
    }

    @Override
    public Namespace createHttpNamespace(String name) {
        String operation = cloudMap.createNamespace("HTTP", name, null, null, null, null, Map.of());
        return view(cloudMap.namespace(cloudMap.operation(operation, null).targets().get("NAMESPACE")));
    }

    private static Namespace view(dev.ecsnet.domain.discovery.Namespace n) {
        return new Namespace(n.id(), n.arn(), n.name());
    }

    @Override
    public Optional<String> service(String namespaceId, String name) {
        return cloudMap.services().stream().filter(s -> s.namespaceId().equals(namespaceId) && s.name().equalsIgnoreCase(name))
                .findFirst().map(DiscoveryService::arn);
    }

    @Override
    public String createService(String namespaceId, String name) {
        return cloudMap.createService(new CloudMap.ServiceRequest(name, namespaceId, null, null, null, List.of(), false, null, null,
                false, null, Map.of())).arn();
    }

    @Override
    public void deleteService(String serviceArn) {
        cloudMap.findService(serviceArn).filter(s -> s.instances.isEmpty()).ifPresent(s -> cloudMap.deleteService(s.id()));
    }

    @Override
    public void register(String serviceArn, String instanceId, Map<String, String> attributes) {
        if (cloudMap.findService(serviceArn).isPresent()) {
            cloudMap.registerInstance(serviceArn, instanceId, attributes, null);
        }
    }

    @Override
    public void deregister(String serviceArn, String instanceId) {
        cloudMap.findService(serviceArn).filter(s -> s.instances.containsKey(instanceId))
                .ifPresent(s -> cloudMap.deregisterInstance(serviceArn, instanceId));
    }
}
