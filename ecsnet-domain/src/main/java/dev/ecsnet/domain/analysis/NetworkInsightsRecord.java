package dev.ecsnet.domain.analysis;

/** SKELETON (issue 12, to be filled): NetworkInsights's state as plain data (see docs/design-state.md, "Snapshot records"). */
public record NetworkInsightsRecord() {
}
