package dev.ecsnet.domain.ec2;

/** SKELETON (issue 12, to be filled): LaunchTemplates's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record LaunchTemplatesRecord() {
}
