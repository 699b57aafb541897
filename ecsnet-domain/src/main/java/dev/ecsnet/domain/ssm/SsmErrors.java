package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.DomainException;

/** Systems Manager's error codes, all answered with HTTP 400. */
final class SsmErrors {
    private SsmErrors() {
    }

    static DomainException validation(String message) {
        return DomainException.invalid("ValidationException", message);
    }

    /** AWS answers a missing parameter with no message at all. */
    static DomainException parameterNotFound() {
        return DomainException.notFound("ParameterNotFound", null);
    }

    static DomainException versionNotFound(String selector, String name) {
        return DomainException.notFound("ParameterVersionNotFound", "Systems Manager could not find version " + selector + " of "
                + name + ". Verify the version and try again.");
    }

    static DomainException reservedName(String name) {
        return DomainException.invalid("AccessDeniedException", "No access to reserved parameter name: " + name + ".");
    }

    static DomainException limit(String code, String message) {
        return new DomainException(DomainException.Kind.LIMIT_EXCEEDED, code, message);
    }

    static DomainException code(String code, String message) {
        return DomainException.invalid(code, message);
    }
}
