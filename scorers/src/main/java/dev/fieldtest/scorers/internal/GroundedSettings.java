package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.List;

/**
 * Reads a {@code grounded} check's settings: {@code context} (template, required), {@code mode}
 * ({@code lexical}, default, {@code embedding} or {@code judge}), {@code judge} (judge mode only, and required
 * there: a judge id), {@code min_score} (0–1, default 1), {@code min_overlap} (lexical; 0–1, default 0.5),
 * and for embedding {@code model} (default {@code e5-small-v2}), {@code threshold} (−1–1, default 0.9 for e5-small-v2 and 0.6
 * for all-minilm-l6-v2, as for {@code similar}) and {@code allow_same_model}. A key of the other mode is a
 * problem, so a setting never silently does nothing. Internal, not API.
 */
final class GroundedSettings {
    private static final List<String> LEXICAL_ONLY = List.of("min_overlap");
    private static final List<String> EMBEDDING_ONLY = List.of("model", "threshold", "allow_same_model");
    private static final List<String> JUDGE_ONLY = List.of("judge");

    private GroundedSettings() {}

    static Check build(Settings s) {
        ConfigReader r = s.allow("context", "mode", "min_score", "min_overlap", "model", "threshold", "allow_same_model", "judge");
        Template context = s.template(s.required("context", "add context: with the text the output must rest on, such as \"{{context}}\""));
        if (context != null && context.source().isBlank()) {
            s.problem(context.location(), "context is blank, so no sentence could be supported", "write the context, such as \"{{context}}\"");
        }
        double minScore = r.number("min_score", 1.0, 0, 1);
        String mode = r.string("mode", "lexical");
        SentenceSupport support = null;
        switch (mode == null ? "" : mode) {
            case "lexical" -> {
                notFor(s, r, EMBEDDING_ONLY, "embedding");
                notFor(s, r, JUDGE_ONLY, "judge");
                support = new SentenceSupport.Lexical(r.number("min_overlap", 0.5, 0, 1));
            }
            case "embedding" -> {
                notFor(s, r, LEXICAL_ONLY, "lexical");
                notFor(s, r, JUDGE_ONLY, "judge");
                support = embedding(s, r);
            }
            case "judge" -> {
                notFor(s, r, LEXICAL_ONLY, "lexical");
                notFor(s, r, EMBEDDING_ONLY, "embedding");
                support = judge(s, r);
            }
            default -> s.problem(r.get("mode").orElseThrow(), r.get("mode").get().path() + " must be lexical, embedding or judge, but was "
                    + r.get("mode").get().describe(), null);
        }
        if (context == null || support == null) return s.finish(null);
        GroundedCheck check = new GroundedCheck(s.name(), context, minScore, support);
        if (support instanceof SentenceSupport.Embedding e) {
            return s.finish(new GroundedByModel(check, e.model(), r.bool("allow_same_model", false)));
        }
        return s.finish(check);
    }

    private static SentenceSupport judge(Settings s, ConfigReader r) {
        ConfigNode id = r.get("judge").orElse(null);
        if (id == null) {
            s.problem(r.get("mode").orElseThrow(), "mode: judge needs 'judge', the id of the judge that grades", JudgeIds.fix(s.context()));
            return null;
        }
        Target judge = JudgeIds.lookup(s, id);
        return judge == null ? null : new GroundedJudge(judge);
    }

    private static SentenceSupport embedding(Settings s, ConfigReader r) {
        String model = r.string("model", SimilarCheck.DEFAULT_MODEL);
        if (model != null && !EmbeddingModels.isKnown(model)) {
            ConfigNode n = r.get("model").orElseThrow();
            s.problem(n, n.path() + " must be one of " + String.join(", ", EmbeddingModels.names()) + ", but was " + n.describe(),
                    "use one of the embedding models shipped with fieldtest");
            return null;
        }
        return new SentenceSupport.Embedding(model, r.number("threshold", SimilarCheck.defaultThreshold(model), -1, 1));
    }

    private static void notFor(Settings s, ConfigReader r, List<String> keys, String mode) {
        for (String key : keys) {
            r.get(key).ifPresent(n -> s.problem(n.keyLocation(), key + " applies to mode: " + mode + " only", "remove it, or set mode: " + mode));
        }
    }
}
