package dev.ecsnet.domain.ecs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A RunTask request in domain terms. Absent optional members are empty; {@code networkConfiguration} is empty
 * when the request had none, so "not given" and "given with no subnets" stay distinct.
 */
public record TaskLaunch(Optional<String> cluster, String taskDefinition, int count, Optional<String> launchType,
                         List<CapacityProviderStrategyItem> capacityProviderStrategy,
                         Optional<AwsvpcConfiguration> networkConfiguration, Optional<String> startedBy,
                         Optional<String> group, Map<String, Object> overrides, Map<String, String> tags,
                         boolean enableExecuteCommand) {

    public record AwsvpcConfiguration(List<String> subnets, List<String> securityGroups, Optional<String> assignPublicIp) {
        public AwsvpcConfiguration {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
        }
    }

    public TaskLaunch {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        // insertion order kept (tags come back as sent); values may be null in client JSON, so no Map.copyOf
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }
}
