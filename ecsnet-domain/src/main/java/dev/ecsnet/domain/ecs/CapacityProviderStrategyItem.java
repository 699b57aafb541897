package dev.ecsnet.domain.ecs;

/**
 * One entry of a capacity provider strategy: at least {@code base} tasks go to the provider, then tasks are shared
 * by {@code weight} (see {@link CapacityProviders#pick}).
 */
public record CapacityProviderStrategyItem(String capacityProvider, int weight, int base) {
}
