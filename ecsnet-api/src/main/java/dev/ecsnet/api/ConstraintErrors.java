package dev.ecsnet.api;

import dev.ecsnet.protocol.AwsError;

import java.util.List;

/**
 * How AWS's JSON services word a request member that breaks its model's constraints:
 * {@code 1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: ...}, with the member
 * in lower camel case.
 */
public final class ConstraintErrors {
    private ConstraintErrors() {
    }

    public static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    public static AwsError missing(String code, String name) {
        return AwsError.badRequest(code, "1 validation error detected: Value null at '" + member(name)
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** A member of the wrong type (a list where a string belongs, a word where a number does). */
    public static AwsError malformed(String code, String name) {
        return AwsError.badRequest(code, "1 validation error detected: Value at '" + member(name) + "' is not valid");
    }

    public static AwsError constraint(String code, Object value, String name, String constraint) {
        return AwsError.badRequest(code, "1 validation error detected: Value '" + value + "' at '" + member(name)
                + "' failed to satisfy constraint: " + constraint);
    }

    public static AwsError enumValue(String code, String value, String name, List<String> values) {
        return constraint(code, value, name, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
    }

    /** A number member checked against its model's range. */
    public static int range(String code, int value, String name, int min, int max) {
        if (value < min) {
            throw constraint(code, value, name, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw constraint(code, value, name, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** A string member checked against its model's length. */
    public static String length(String code, String value, String name, int min, int max) {
        if (value.length() < min) {
            throw constraint(code, value, name, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw constraint(code, value, name, "Member must have length less than or equal to " + max);
        }
        return value;
    }
}
