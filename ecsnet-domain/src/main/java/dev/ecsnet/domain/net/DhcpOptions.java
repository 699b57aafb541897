package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A DHCP options set: options by key ({@code domain-name}, {@code domain-name-servers}, ...) in the order given. */
public final class DhcpOptions implements Taggable {
    private final String id;
    private final String ownerId;
    private final Map<String, List<String>> configurations;
    private final Map<String, String> tags = new LinkedHashMap<>();

    DhcpOptions(String id, String ownerId, Map<String, List<String>> configurations) {
        this.id = id;
        this.ownerId = ownerId;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        configurations.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.configurations = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public Map<String, List<String>> configurations() {
        return configurations;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
