package dev.ecsnet.domain.elb;

/** SKELETON (issue 12, to be filled): Elb's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record ElbRecord() {
}
