package dev.ecsnet.domain.net;

/** SKELETON (issue 12, to be filled): Network's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record NetworkRecord() {
}
