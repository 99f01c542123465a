package dev.fieldtest.scorers;

import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.scorers.internal.Settings;
import dev.fieldtest.scorers.internal.SimilarCheck;
import java.util.Set;

/**
 * Checks that judge meaning with a sentence-embedding model running in process (fieldtest-embedded):
 * <ul>
 *   <li>{@code similar}: {@code value} (template, required), {@code threshold} (cosine in [−1, 1], default
 *       0.9 for e5-small-v2 and 0.6 for all-minilm-l6-v2), {@code model} (default {@code e5-small-v2}, or {@code all-minilm-l6-v2}),
 *       {@code allow_same_model} (default false). Passes when the cosine similarity of the text and the
 *       rendered value is at least the threshold; a failure reads
 *       {@code similarity 0.61 < 0.80 to "<value, at most 80 characters>"}.
 * </ul>
 * Besides the common keys {@code type}, {@code name} and {@code extract}. Building a check loads no model:
 * the model is loaded on the first check, once per process, and shared by every check and target using
 * it. These checks implement {@link dev.fieldtest.core.spi.GradesWithModel}: the loader refuses a suite in
 * which a target answers with the grading model, unless {@code allow_same_model: true}. Checks are
 * thread-safe and fail (never throw) on output they cannot judge, including no output at all.
 */
public final class EmbeddingChecks implements CheckFactory {
    @Override
    public Set<String> types() {
        return Set.of("similar");
    }

    @Override
    public Check create(CheckSpec spec, BuildContext context) {
        if (!spec.type().equals("similar")) {
            throw new IllegalArgumentException("EmbeddingChecks does not build type '" + spec.type()
                    + "'; the loader should pick the factory whose types() has it");
        }
        return SimilarCheck.build(new Settings(spec, context));
    }
}
