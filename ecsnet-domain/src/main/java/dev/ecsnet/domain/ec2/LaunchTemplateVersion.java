package dev.ecsnet.domain.ec2;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a launch template. Versions never change once created; the template's default and latest
 * version numbers are kept by the {@link LaunchTemplate}.
 */
public record LaunchTemplateVersion(String templateId, String templateName, long number, String description, Instant createTime,
                                    String createdBy, LaunchTemplateData data) {
    public LaunchTemplateVersion {
        Objects.requireNonNull(templateId);
        Objects.requireNonNull(data);
    }

    public Optional<String> versionDescription() {
        return Optional.ofNullable(description);
    }
}
