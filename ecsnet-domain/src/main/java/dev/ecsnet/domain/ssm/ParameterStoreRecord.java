package dev.ecsnet.domain.ssm;

/** SKELETON (issue 12, to be filled): ParameterStore's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record ParameterStoreRecord() {
}
