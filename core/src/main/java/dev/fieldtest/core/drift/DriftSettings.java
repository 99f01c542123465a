package dev.fieldtest.core.drift;

import dev.fieldtest.core.config.Defaults;

/** The knobs of a drift analysis; {@link #defaults()} takes them from {@link Defaults} (documented in docs/drift.md). */
public record DriftSettings(double coverageThreshold, int topics, int permutations, long seed, int maxEmbedded, int examples) {
    public static DriftSettings defaults() {
        return new DriftSettings(Defaults.DRIFT_COVERAGE_MIN_COSINE, Defaults.DRIFT_TOPICS, Defaults.DRIFT_PERMUTATIONS,
                Defaults.DRIFT_SEED, Defaults.DRIFT_MAX_EMBEDDED, Defaults.DRIFT_EXAMPLES);
    }

    public DriftSettings withCoverageThreshold(double t) {
        return new DriftSettings(t, topics, permutations, seed, maxEmbedded, examples);
    }
}
