package dev.ecsnet.domain.ssm;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parameter Store's naming rules, with AWS's messages, and the ways a client names a parameter on reads: a name,
 * {@code name:version}, {@code name:label}, or an ARN ({@code arn:aws:ssm:region:account:parameter/a/b} for
 * {@code /a/b}, {@code ...:parameter/foo} for {@code foo}), each optionally with a selector.
 */
final class ParameterNames {
    static final int MAX_LEVELS = 15;
    /** The documented maximum for a name together with the ARN text before it. */
    static final int MAX_ARN_LENGTH = 1011;
    private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_.\\-][a-zA-Z0-9_.\\-]{0,99}");
    static final String NAME_RULES = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If formed as a path, "
            + "it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers "
            + "and the following 3 symbols .-_";

    /** A read reference: the parameter's name and, after a colon, a version number or label. */
    record Reference(String name, Optional<String> selector) {
    }

    private final AccountRegion key;

    ParameterNames(AccountRegion key) {
        this.key = key;
    }

    String arn(String name) {
        return arnPrefix(key.accountId()) + (name.startsWith("/") ? "" : "/") + name;
    }

    String arnPrefix(String account) {
        return "arn:aws:ssm:" + key.region() + ":" + account + ":parameter";
    }

    /** The name PutParameter stores (surrounding spaces removed, as AWS does), after every naming rule. */
    String validForWrite(String raw) {
        String name = raw.strip();
        if (name.contains("/") && !name.startsWith("/")) {
            throw SsmErrors.validation("Parameter name must be a fully qualified name.");
        }
        if (!CHARACTERS.matcher(name).matches() || name.contains("//") || name.endsWith("/")) {
            throw SsmErrors.validation(NAME_RULES);
        }
        String bare = (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        if (bare.startsWith("aws") || bare.startsWith("ssm")) {
            boolean path = name.startsWith("/") && name.indexOf('/', 1) > 0;
            if (path && bare.startsWith("aws")) {
                throw SsmErrors.reservedName(name);
            }
            throw SsmErrors.validation(path ? NAME_RULES.replace("\"aws\" or \"ssm\"", "\"ssm\"")
                    : "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        }
        if (levels(name) > MAX_LEVELS) {
            throw DomainException.invalid("HierarchyLevelLimitExceededException", "A hierarchy can have a maximum of 15 levels. "
                    + "For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.");
        }
        if (arn(name).length() > MAX_ARN_LENGTH) {
            throw SsmErrors.validation("Parameter name " + name + " is too long: with the ARN prefix " + arnPrefix(key.accountId())
                    + " it can have at most " + MAX_ARN_LENGTH + " characters.");
        }
        return name;
    }

    static int levels(String name) {
        String trimmed = name.startsWith("/") ? name.substring(1) : name;
        return trimmed.split("/", -1).length;
    }

    /**
     * What a read names. An ARN must be of this region; public parameters' ARNs have no account, others must be
     * this account's. Empty when the reference cannot name any parameter here.
     */
    Optional<Reference> reference(String raw) {
        String text = raw.strip();
        boolean arn = text.startsWith("arn:");
        if (arn) {
            String ownPrefix = arnPrefix(key.accountId()) + "/";
            String publicPrefix = arnPrefix("") + "/";
            if (text.startsWith(ownPrefix)) {
                text = text.substring(ownPrefix.length());
            } else if (text.startsWith(publicPrefix)) {
                text = text.substring(publicPrefix.length());
            } else {
                return Optional.empty();
            }
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (arn && name.contains("/")) {
            // the ARN of /a/b is ...:parameter/a/b; that of a name without a hierarchy is ...:parameter/foo
            name = "/" + name;
        }
        if (colon < 0) {
            return Optional.of(new Reference(name, Optional.empty()));
        }
        String selector = text.substring(colon + 1);
        if (selector.isEmpty() || selector.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new Reference(name, Optional.of(selector)));
    }

    /** What the ECS agent reports for a {@code valueFrom}: the parameter's name, for an ARN the part after {@code parameter}. */
    static String reportedName(String valueFrom) {
        int i = valueFrom.indexOf(":parameter");
        return valueFrom.startsWith("arn:") && i > 0 ? valueFrom.substring(i + ":parameter".length()) : valueFrom;
    }

    /** Labels AWS accepts: letters, digits, {@code . - _}, not starting with a digit, {@code aws} or {@code ssm}. */
    static boolean validLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return LABEL.matcher(label).matches() && !lower.startsWith("aws") && !lower.startsWith("ssm");
    }

    static boolean isPublic(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("/aws/");
    }
}
