package dev.ecsnet.domain.discovery;

import java.util.Map;
import java.util.Optional;

/**
 * A registered instance: its attributes ({@code AWS_INSTANCE_IPV4}, {@code AWS_INSTANCE_PORT} and any others) and,
 * for services with a custom health check, its health ({@code HEALTHY}/{@code UNHEALTHY}).
 */
public record DiscoveryInstance(String id, Map<String, String> attributes, String customHealth, String creatorRequestId) {

    public DiscoveryInstance {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> ipv4() {
        return Optional.ofNullable(attributes.get("AWS_INSTANCE_IPV4"));
    }

    public Optional<Integer> port() {
        String p = attributes.get("AWS_INSTANCE_PORT");
        try {
            return p == null ? Optional.empty() : Optional.of(Integer.parseInt(p));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    DiscoveryInstance withCustomHealth(String value) {
        return new DiscoveryInstance(id, attributes, value, creatorRequestId);
    }
}
