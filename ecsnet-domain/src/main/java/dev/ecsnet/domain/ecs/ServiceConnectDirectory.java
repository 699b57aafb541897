package dev.ecsnet.domain.ecs;

import java.util.Map;
import java.util.Optional;

/**
 * What Service Connect needs from Cloud Map: namespaces by name or ARN (and an HTTP namespace created for a
 * cluster default that names none), the Cloud Map services it creates for its endpoints, and registering each
 * task there. The region wires Cloud Map in; without it no namespace exists.
 */
public interface ServiceConnectDirectory {

    /** A Cloud Map namespace. */
    record Namespace(String id, String arn, String name) {
    }

    Optional<Namespace> namespace(String nameOrArn);

    /** Creates an HTTP namespace ("API calls" discovery only), as ECS does for a cluster default with a new name. */
    Namespace createHttpNamespace(String name);

    /** The ARN of the namespace's Cloud Map service of that name, if there is one. */
    Optional<String> service(String namespaceId, String name);

    /** Creates an HTTP Cloud Map service (no DNS records) in the namespace; returns its ARN. */
    String createService(String namespaceId, String name);

    /** Deletes a Cloud Map service that has no instances left; one that is gone or still has instances stays as it is. */
    void deleteService(String serviceArn);

    void register(String serviceArn, String instanceId, Map<String, String> attributes);

    void deregister(String serviceArn, String instanceId);

    ServiceConnectDirectory NONE = new ServiceConnectDirectory() {
        @Override
        public Optional<Namespace> namespace(String nameOrArn) {
            return Optional.empty();
        }

        @Override
        public Namespace createHttpNamespace(String name) {
            throw new IllegalStateException("no Cloud Map is connected");
        }

        @Override
        public Optional<String> service(String namespaceId, String name) {
            return Optional.empty();
        }

        @Override
        public String createService(String namespaceId, String name) {
            throw new IllegalStateException("no Cloud Map is connected");
        }

        @Override
        public void deleteService(String serviceArn) {
        }

        @Override
        public void register(String serviceArn, String instanceId, Map<String, String> attributes) {
        }

        @Override
        public void deregister(String serviceArn, String instanceId) {
        }
    };
}
