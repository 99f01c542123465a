package dev.fieldtest.history;

import java.time.Instant;

/** One run's value of one target metric, for a metric-over-time series. {@code startedAt} may be null. */
public record MetricPoint(String runId, Instant startedAt, double value) {}
