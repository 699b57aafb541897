package dev.ecsnet.domain.ssm;

import java.time.Instant;
import java.util.Optional;

/**
 * One parameter policy as the client wrote it ({@code {"Type":"Expiration","Version":"1.0","Attributes":{...}}}).
 * {@code expiresAt} is set for Expiration policies, the only kind ecsnet acts on (it deletes the parameter);
 * the notification kinds would send EventBridge events, which ecsnet does not model.
 */
public record ParameterPolicy(String type, String text, Optional<Instant> expiresAt) {
    public static final String EXPIRATION = "Expiration";
    public static final String EXPIRATION_NOTIFICATION = "ExpirationNotification";
    public static final String NO_CHANGE_NOTIFICATION = "NoChangeNotification";

    /** AWS reports Pending until the policy has been applied; an applied Expiration leaves no parameter to report on. */
    public String status() {
        return "Pending";
    }
}
