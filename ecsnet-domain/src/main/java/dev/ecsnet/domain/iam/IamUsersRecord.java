package dev.ecsnet.domain.iam;

/** SKELETON (issue 12, to be filled): IamUsers's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record IamUsersRecord() {
}
