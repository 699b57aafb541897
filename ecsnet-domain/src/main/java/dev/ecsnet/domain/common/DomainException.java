package dev.ecsnet.domain.common;

/**
 * A rule of the modelled AWS service was broken. {@code code} is the AWS error code the owning service answers
 * with ({@code InvalidSubnetID.NotFound}, {@code ClientException}); the api layer only adds the envelope. Thrown
 * before any state changes: domain operations validate first, then apply.
 */
public final class DomainException extends RuntimeException {

    public enum Kind { NOT_FOUND, INVALID_PARAMETER, DEPENDENCY_VIOLATION, CONFLICT, LIMIT_EXCEEDED, INSUFFICIENT_CAPACITY, UNSUPPORTED }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(Kind.NOT_FOUND, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID_PARAMETER, code, message);
    }

    public static DomainException dependency(String code, String message) {
        return new DomainException(Kind.DEPENDENCY_VIOLATION, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException capacity(String code, String message) {
        return new DomainException(Kind.INSUFFICIENT_CAPACITY, code, message);
    }
}
