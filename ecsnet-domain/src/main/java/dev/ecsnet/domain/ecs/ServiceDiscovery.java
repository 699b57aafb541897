package dev.ecsnet.domain.ecs;

import java.util.Map;
import java.util.Set;

/**
 * What ECS services need from Cloud Map: whether a registry (service ARN) exists and which DNS record types it
 * has, and registering and deregistering a task as an instance. The region wires Cloud Map in; without it no
 * registry exists.
 */
public interface ServiceDiscovery {

    /** The DNS record types of the Cloud Map service ({@code A}, {@code SRV}, ...); empty when it does not exist. */
    Set<String> recordTypes(String registryArn);

    boolean exists(String registryArn);

    void register(String registryArn, String instanceId, Map<String, String> attributes);

    void deregister(String registryArn, String instanceId);

    ServiceDiscovery NONE = new ServiceDiscovery() {
        @Override
        public Set<String> recordTypes(String registryArn) {
            return Set.of();
        }

        @Override
        public boolean exists(String registryArn) {
            return false;
        }

        @Override
        public void register(String registryArn, String instanceId, Map<String, String> attributes) {
        }

        @Override
        public void deregister(String registryArn, String instanceId) {
        }
    };
}
