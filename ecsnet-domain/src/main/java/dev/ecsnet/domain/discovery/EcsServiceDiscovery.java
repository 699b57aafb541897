package dev.ecsnet.domain.discovery;

import dev.ecsnet.domain.ecs.ServiceDiscovery;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cloud Map as ECS services see it (the {@link ServiceDiscovery} port): a registry's record types, and registering
 * and deregistering tasks as instances. A registry deleted under a service is treated as empty.
 */
public final class EcsServiceDiscovery implements ServiceDiscovery {
    private final CloudMap cloudMap;

    public EcsServiceDiscovery(CloudMap cloudMap) {
        this.cloudMap = cloudMap;
    }

    @Override
    public Set<String> recordTypes(String registryArn) {
        Set<String> types = new LinkedHashSet<>();
        cloudMap.findService(registryArn).ifPresent(s -> s.dnsRecords().forEach(r -> types.add(r.type())));
        return types;
    }

    @Override
    public boolean exists(String registryArn) {
        return cloudMap.findService(registryArn).isPresent();
    }

    @Override
    public void register(String registryArn, String instanceId, Map<String, String> attributes) {
        if (exists(registryArn)) {
            cloudMap.registerInstance(registryArn, instanceId, attributes, null);
        }
    }

    @Override
    public void deregister(String registryArn, String instanceId) {
        cloudMap.findService(registryArn).filter(s -> s.instances.containsKey(instanceId))
                .ifPresent(s -> cloudMap.deregisterInstance(registryArn, instanceId));
    }
}
