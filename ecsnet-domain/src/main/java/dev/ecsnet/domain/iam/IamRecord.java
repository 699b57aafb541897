package dev.ecsnet.domain.iam;

/** SKELETON (issue 12, to be filled): Iam's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record IamRecord() {
}
