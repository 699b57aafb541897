package dev.ecsnet.domain.ec2;

/** SKELETON (issue 12, to be filled): Instances's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record InstancesRecord() {
}
