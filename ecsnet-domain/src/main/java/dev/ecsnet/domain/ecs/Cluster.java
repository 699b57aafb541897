package dev.ecsnet.domain.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ECS cluster. Deleting it makes it INACTIVE; it stays describable, as in AWS. Used only on the engine thread. */
public final class Cluster {
    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    private final String name;
    private final String arn;
    private final Map<String, String> tags;
    private final Map<String, String> settings;
    private final List<String> capacityProviders;
    private final List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy;
    private String status = ACTIVE;

    Cluster(String name, String arn, Map<String, String> tags, Map<String, String> settings, List<String> capacityProviders,
            List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy) {
        this.name = name;
        this.arn = arn;
        this.tags = new LinkedHashMap<>(tags);
        this.settings = new LinkedHashMap<>(settings);
        this.capacityProviders = List.copyOf(capacityProviders);
        this.defaultCapacityProviderStrategy = List.copyOf(defaultCapacityProviderStrategy);
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String status() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    void deactivate() {
        status = INACTIVE;
    }

    public Map<String, String> tags() {
        return java.util.Collections.unmodifiableMap(tags);
    }

    /** Cluster settings by name ({@code containerInsights}). */
    public Map<String, String> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }

    public List<String> capacityProviders() {
        return capacityProviders;
    }

    public List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy() {
        return defaultCapacityProviderStrategy;
    }
}
