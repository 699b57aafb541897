package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.DomainException;

/** Application Auto Scaling's error codes (all HTTP 400) and the messages it words its lookups with. */
final class AasErrors {
    private AasErrors() {
    }

    static DomainException validation(String message) {
        return DomainException.invalid("ValidationException", message);
    }

    static DomainException noTarget(String resourceId) {
        return DomainException.notFound("ObjectNotFoundException", "No scalable target registered for service namespace: ecs, resource ID: "
                + resourceId + ", scalable dimension: " + ScalableTarget.DIMENSION);
    }

    static DomainException notFound(String what, String resourceId, String name) {
        return DomainException.notFound("ObjectNotFoundException", "No " + what + " found for service namespace: ecs, resource ID: "
                + resourceId + ", scalable dimension: " + ScalableTarget.DIMENSION + ", " + what + " name: " + name);
    }
}
