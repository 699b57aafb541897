package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.DomainException;

import java.util.Optional;
import java.util.regex.Pattern;

/** IAM's rules for paths and ARNs, and its wording of a broken member constraint. */
final class IamNames {
    private static final Pattern PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");

    private IamNames() {
    }

    /** The path a create call names ({@code /} when none), checked as IAM checks it. */
    static String path(Optional<String> path) {
        String p = path.orElse("/");
        if (p.length() > 512 || !PATH.matcher(p).matches()) {
            throw DomainException.invalid("ValidationError", "The specified value for path is invalid. It must begin and end with / and "
                    + "contain only alphanumeric characters and/or / characters.");
        }
        return p;
    }

    /** A policy ARN must at least be an IAM ARN. */
    static void policyArn(String arn) {
        if (arn == null || !arn.startsWith("arn:aws:iam::")) {
            throw DomainException.invalid("InvalidInput", "ARN " + arn + " is not valid.");
        }
    }

    static DomainException constraint(String value, String member, String constraint) {
        return DomainException.invalid("ValidationError", "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
