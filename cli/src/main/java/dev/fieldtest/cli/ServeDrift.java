package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.embedded.EmbeddingModels;
import dev.fieldtest.serve.DriftSource;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * serve's {@code --suite} and {@code --drift-model} as the /drift page's {@link DriftSource}: the suite must load now
 * (exit 2 otherwise); the embedding model is loaded on the first /drift request, not at start, so serve starts fast.
 */
final class ServeDrift {
    private ServeDrift() {}

    /** A bad --suite or --drift-model; the message says what and how to fix it. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }

    /** Null without --suite. */
    static DriftSource source(Path suite, String model) {
        if (suite == null) return null;
        try {
            SuiteLoader.load(suite);
        } catch (ConfigException e) {
            throw new Problem("--suite " + suite + " does not load: " + e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        }
        if (model == null || model.equals("none")) return DriftSource.descriptorsOnly(suite);
        if (!EmbeddingModels.isKnown(model)) throw new Problem("--drift-model " + model + " is not an embedding model; use one of " + EmbeddingModels.names() + ", or none");
        double threshold = EmbeddingModels.E5_SMALL_V2.equals(model) ? Defaults.DRIFT_COVERAGE_MIN_COSINE_E5 : Defaults.DRIFT_COVERAGE_MIN_COSINE;
        return new DriftSource(suite, text -> EmbeddingModels.load(model).embed(text), model, threshold);
    }
}
