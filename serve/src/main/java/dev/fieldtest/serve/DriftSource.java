package dev.fieldtest.serve;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the {@code /drift} page compares production inputs with (docs/serve.md): the suite whose cases are the golden
 * set, read again on every request, and optionally an embedding function (thread-safe) with its model name for MMD²,
 * the domain classifier and coverage. Without one the page shows descriptor drift and staleness only, and says so.
 */
public record DriftSource(Path suite, Function<String, float[]> embed, String model) {
    public DriftSource {
        if (suite == null) throw new IllegalArgumentException("a drift source needs a suite file");
        if ((embed == null) != (model == null)) throw new IllegalArgumentException("an embedding function needs its model name, and the other way round");
    }

    /** Descriptor drift and staleness only. */
    public static DriftSource descriptorsOnly(Path suite) {
        return new DriftSource(suite, null, null);
    }
}
