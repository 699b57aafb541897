package dev.ecsnet.domain.autoscaling;

/**
 * A group's launch template as the group shows it: id, name and the version as it was given ({@code $Latest},
 * {@code $Default} or a number; {@code $Default} when none was given). An instance shows the version number it was
 * launched from.
 */
public record LaunchTemplateSpec(String id, String name, String version) {
}
