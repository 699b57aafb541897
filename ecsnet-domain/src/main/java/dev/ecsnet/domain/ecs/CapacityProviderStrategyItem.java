package dev.ecsnet.domain.ecs;

/** One entry of a capacity provider strategy; only the Fargate providers exist in ecsnet so far. */
public record CapacityProviderStrategyItem(String capacityProvider, int weight, int base) {
    public static final java.util.Set<String> FARGATE_PROVIDERS = java.util.Set.of("FARGATE", "FARGATE_SPOT");
}
