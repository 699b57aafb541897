package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One registered revision of a task definition family. {@code document} is everything the client sent (tags
 * aside), normalized the way ECS normalizes it; it is never changed after registration, so it round-trips.
 */
public record TaskDefinition(String arn, String family, int revision, String status, Map<String, Object> document,
                             List<ContainerDefinition> containers, String networkMode, Optional<String> cpu,
                             Optional<String> memory, List<String> requiresCompatibilities, List<String> compatibilities,
                             List<String> requiresAttributes, Instant registeredAt, String registeredBy,
                             Optional<Instant> deregisteredAt, Map<String, String> tags, Optional<Instant> deleteRequestedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";
    public static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";

    public TaskDefinition {
        containers = List.copyOf(containers);
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
        compatibilities = List.copyOf(compatibilities);
        requiresAttributes = List.copyOf(requiresAttributes);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isFargateCompatible() {
        return compatibilities.contains("FARGATE");
    }

    public boolean requiresFargate() {
        return requiresCompatibilities.contains("FARGATE");
    }

    TaskDefinition deregistered(Instant at) {
        return new TaskDefinition(arn, family, revision, INACTIVE, document, containers, networkMode, cpu, memory,
                requiresCompatibilities, compatibilities, requiresAttributes, registeredAt, registeredBy,
                Optional.of(at), tags, deleteRequestedAt);
    }

    /** DeleteTaskDefinitions: the revision stays DELETE_IN_PROGRESS while tasks or services still use it. */
    TaskDefinition deleting(Instant at) {
        return new TaskDefinition(arn, family, revision, DELETE_IN_PROGRESS, document, containers, networkMode, cpu, memory,
                requiresCompatibilities, compatibilities, requiresAttributes, registeredAt, registeredBy,
                deregisteredAt, tags, Optional.of(at));
    }

    TaskDefinition withTags(Map<String, String> next) {
        return new TaskDefinition(arn, family, revision, status, document, containers, networkMode, cpu, memory,
                requiresCompatibilities, compatibilities, requiresAttributes, registeredAt, registeredBy,
                deregisteredAt, next, deleteRequestedAt);
    }
}
