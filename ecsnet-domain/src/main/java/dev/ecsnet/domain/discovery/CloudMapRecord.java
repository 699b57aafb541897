package dev.ecsnet.domain.discovery;

/** SKELETON (issue 12, to be filled): CloudMap's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record CloudMapRecord() {
}
