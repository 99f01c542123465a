package dev.fieldtest.history;

import java.time.Instant;

/**
 * One offline measurement of a metric: a recorded run's value for one target. Immutable.
 *
 * @param lo the 95 % interval's lower bound where summary.json has one (pass_rate.ci95), else null
 * @param hi its upper bound, or null
 * @param n  the sample size where summary.json gives it (pass_rate.n, latency_ms.n), else null
 */
public record LedgerOffline(String runId, Instant startedAt, String suite, String target, double value, Double lo, Double hi, Long n) {}
