package dev.fieldtest.serve;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the {@code /drift} page compares production inputs with (docs/serve.md): the suite whose cases are the golden
 * set, read again on every request, and optionally an embedding function (thread-safe) with its model name for MMD²,
 * the domain classifier and coverage (below {@code coverageThreshold} cosine an input is uncovered). Without one the page shows descriptor drift and staleness only, and says so.
 */
public record DriftSource(Path suite, Function<String, float[]> embed, String model, double coverageThreshold) {
    public DriftSource {
        if (suite == null) throw new IllegalArgumentException("a drift source needs a suite file");
        if ((embed == null) != (model == null)) throw new IllegalArgumentException("an embedding function needs its model name, and the other way round");
        if (!(coverageThreshold >= -1 && coverageThreshold <= 1)) throw new IllegalArgumentException("a cosine threshold lies in [-1, 1], not " + coverageThreshold);
    }

    /** Descriptor drift and staleness only. */
    public static DriftSource descriptorsOnly(Path suite) {
        return new DriftSource(suite, null, null, dev.fieldtest.core.config.Defaults.DRIFT_COVERAGE_MIN_COSINE);
    }
}
