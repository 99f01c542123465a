/**
 * Mergeable aggregates and the statistics behind {@code summary.json}.
 *
 * <p>{@link dev.fieldtest.core.stats.TargetAggregate} and {@link dev.fieldtest.core.stats.RunAggregate} hold
 * only counts, exact sums, per-case and per-tag tallies, per-bin calibration sums and HdrHistograms, never
 * lists of raw values, so aggregates built over any split of a run's calls merge to exactly the summary of
 * one aggregate over all of them. {@link dev.fieldtest.core.stats.TargetSummaryJson} renders an aggregate
 * as the {@code targets.<id>} object of summary.json, whose field names are a contract with users' CI
 * scripts. The statistics themselves ({@link dev.fieldtest.core.stats.WilsonInterval},
 * {@link dev.fieldtest.core.stats.PassAtK}, {@link dev.fieldtest.core.stats.Calibration},
 * {@link dev.fieldtest.core.stats.Slice#worst}) are small and usable on their own.
 */
package dev.fieldtest.core.stats;
