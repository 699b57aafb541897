package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;

/** ECS's error codes. Messages are AWS's wording where it is known (see notes/aws-messages.md §8-10). */
final class EcsErrors {
    private EcsErrors() {
    }

    static DomainException client(String message) {
        return DomainException.invalid("ClientException", message);
    }

    static DomainException invalidParameter(String message) {
        return DomainException.invalid("InvalidParameterException", message);
    }

    static DomainException clusterNotFound() {
        return DomainException.notFound("ClusterNotFoundException", "Cluster not found.");
    }
}
