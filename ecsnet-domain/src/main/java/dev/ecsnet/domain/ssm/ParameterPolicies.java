package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.DomainException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the {@code Policies} of PutParameter, with AWS's error codes. */
final class ParameterPolicies {
    static final int MAX_POLICIES = 10;
    private static final List<String> TYPES = List.of(ParameterPolicy.EXPIRATION, ParameterPolicy.EXPIRATION_NOTIFICATION,
            ParameterPolicy.NO_CHANGE_NOTIFICATION);

    private ParameterPolicies() {
    }

    static List<ParameterPolicy> read(List<PutRequest.PolicyInput> inputs, Instant now) {
        if (inputs.size() > MAX_POLICIES) {
            throw DomainException.invalid("PoliciesLimitExceededException", "You specified more than the maximum number of allowed "
                    + "policies for the parameter. The maximum is 10.");
        }
        List<ParameterPolicy> out = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (PutRequest.PolicyInput in : inputs) {
            String type = text(in.fields().get("Type"));
            if (!TYPES.contains(type)) {
                throw DomainException.invalid("InvalidPolicyTypeException", "The policy type isn't supported. Parameter Store supports "
                        + "the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.");
            }
            if (!types.add(type)) {
                throw DomainException.invalid("IncompatiblePolicyException", "There is a conflict in the policies specified for this "
                        + "parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again.");
            }
            if (!"1.0".equals(text(in.fields().get("Version")))) {
                throw invalidAttribute("The policy version must be 1.0.");
            }
            Map<String, Object> attributes = in.fields().get("Attributes") instanceof Map<?, ?> m ? cast(m) : Map.of();
            Optional<Instant> expiresAt = Optional.empty();
            if (type.equals(ParameterPolicy.EXPIRATION)) {
                Instant at = timestamp(text(attributes.get("Timestamp")));
                if (!at.isAfter(now)) {
                    throw invalidAttribute("The Expiration policy's Timestamp must be in the future.");
                }
                expiresAt = Optional.of(at);
            } else {
                String amount = text(attributes.get(type.equals(ParameterPolicy.EXPIRATION_NOTIFICATION) ? "Before" : "After"));
                String unit = text(attributes.get("Unit"));
                if (!amount.matches("[1-9][0-9]*") || !List.of("Days", "Hours").contains(unit)) {
                    throw invalidAttribute("The " + type + " policy needs a positive whole number of Days or Hours.");
                }
            }
            out.add(new ParameterPolicy(type, in.text(), expiresAt));
        }
        return out;
    }

    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw invalidAttribute("The Expiration policy's Timestamp must be an ISO 8601 date and time.");
            }
        }
    }

    private static DomainException invalidAttribute(String detail) {
        return DomainException.invalid("InvalidPolicyAttributeException", "A policy attribute or its value is invalid. " + detail);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
