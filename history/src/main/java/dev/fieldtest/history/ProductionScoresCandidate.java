package dev.fieldtest.history;

/** A production span a suite has not scored yet: its key and feature, what sampling needs. Immutable. */
public record ProductionScoresCandidate(String traceId, String spanId, String feature) {}
