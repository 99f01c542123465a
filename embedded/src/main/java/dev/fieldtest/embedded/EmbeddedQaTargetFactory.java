package dev.fieldtest.embedded;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.embedded.internal.EmbeddedQaTarget;
import dev.fieldtest.embedded.internal.QaSettings;
import dev.fieldtest.embedded.internal.QaSettingsReader;
import java.util.Set;

/**
 * Builds {@code type: embedded-qa} targets: a retrieval answerer over a JSONL knowledge base, running a
 * real embedding model in process, so a suite can be evaluated with no network and no API key.
 *
 * <p>Settings (docs/embedded.md): {@code knowledge_base} (required; JSONL of {@code {id, question, answer,
 * topic}}, relative to the suite), {@code model} ({@value QaSettings#DEFAULT_MODEL}; any of
 * {@link EmbeddingModels#names()}), {@code threshold} (cosine in [−1, 1], default 0.5; a best match below
 * it abstains), {@code top_k} (1), {@code temperature} (0 = always the best match; above 0, softmax
 * sampling among the top_k matches at or above the threshold), {@code seed} (0) and {@code pricing}
 * {@code {per_call, per_second, input_per_mtok, output_per_mtok}} (free).
 *
 * <p>Validation reads and checks the knowledge base, reporting each bad entry at its file:line:column, but
 * loads no model: the model is loaded (once per process) and the questions embedded on the first call.
 * Thread-safe.
 */
public final class EmbeddedQaTargetFactory implements TargetFactory {
    @Override
    public Set<String> types() {
        return Set.of(QaSettings.TYPE);
    }

    /** Adds every problem with its location and returns null when there is any. */
    @Override
    public Target create(TargetSpec spec, Problems problems) {
        QaSettings settings = QaSettingsReader.read(spec, problems);
        return settings == null ? null : new EmbeddedQaTarget(settings);
    }
}
