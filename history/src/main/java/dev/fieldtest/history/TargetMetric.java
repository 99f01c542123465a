package dev.fieldtest.history;

/**
 * One numeric leaf of a target's figures: for a run, {@code summary.json targets.<target>} flattened to dotted paths
 * ({@code pass_rate.value}, {@code pass_rate.ci95.0}, {@code latency_ms.p95}); for a load run, the target's object in
 * {@code load.json targets[]} ({@code max_sustained_rps}, {@code steps.0.latency_ms.corrected.p99}). Nulls are absent.
 */
public record TargetMetric(String target, String metric, double value) {}
