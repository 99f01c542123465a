package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.GradesWithModel;
import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.Locale;

/**
 * {@code similar}: passes when the cosine similarity of the text's and the rendered {@code value}'s
 * sentence embeddings is at least {@code threshold}. The model ({@value #DEFAULT_MODEL} unless
 * {@code model:} says otherwise) is loaded on the first check, once per process, and shared. It grades with
 * a model, so the loader refuses a suite whose target answers with the same one unless
 * {@code allow_same_model: true}. Internal, not API. Thread-safe.
 */
public record SimilarCheck(String name, Template value, double threshold, String model, boolean allowsSameModel)
        implements Check, GradesWithModel {

    /** Not embedded-qa's default on purpose: an answerer should not be graded by its own model. */
    public static final String DEFAULT_MODEL = EmbeddingModels.E5_SMALL_V2;

    /**
     * The default threshold depends on the model, because their cosines live on different scales (measured
     * in docs/embedded.md): e5 puts unrelated text at 0.68–0.80 and a same-domain answer to another question
     * at 0.86, MiniLM puts unrelated text near 0 and paraphrases at 0.54–0.99.
     */
    public static double defaultThreshold(String model) {
        return EmbeddingModels.E5_SMALL_V2.equals(model) ? 0.9 : 0.6;
    }

    public static Check build(Settings s) {
        ConfigReader r = s.allow("value", "threshold", "model", "allow_same_model");
        Template value = s.template(s.required("value", "add value: with the text the output should mean, such as \"{{expected}}\""));
        if (value != null && value.source().isBlank()) {
            s.problem(value.location(), "value is blank, and nothing is similar to nothing", "write the text the output should be similar to");
        }
        String model = r.string("model", DEFAULT_MODEL);
        double threshold = r.number("threshold", defaultThreshold(model), -1, 1);
        if (model != null && !EmbeddingModels.isKnown(model)) {
            ConfigNode n = r.get("model").orElseThrow();
            s.problem(n, n.path() + " must be one of " + String.join(", ", EmbeddingModels.names()) + ", but was " + n.describe(),
                    "use one of the embedding models shipped with fieldtest");
        }
        boolean allowSameModel = r.bool("allow_same_model", false);
        return s.finish(value == null ? null : new SimilarCheck(s.name(), value, threshold, model, allowSameModel));
    }

    @Override
    public String graderModel() {
        return model;
    }

    @Override
    public Verdict check(CheckInput input) {
        if (input.text() == null) return Verdict.fail(name, "no output to check (the call failed)");
        String expected = input.render(value);
        if (expected.isBlank()) {
            return Verdict.fail(name, "value " + Quote.of(value.source()) + " is blank for this case; give the case a text to compare with");
        }
        EmbeddingModel m;
        try {
            m = EmbeddingModels.load(model);
        } catch (RuntimeException e) {
            return Verdict.fail(name, "cannot load embedding model " + model + ": " + Quote.shorten(String.valueOf(e.getMessage()), 200));
        }
        double similarity = EmbeddingModels.cosine(m.embed(input.text()), m.embed(expected));
        if (similarity >= threshold) return Verdict.pass(name);
        return Verdict.fail(name, "similarity " + format(similarity, threshold) + " < " + format(threshold, similarity) + " to " + Quote.of(expected));
    }

    /** Two decimals, or as many more as it takes to tell {@code x} from {@code other} (0.795 vs 0.80). */
    static String format(double x, double other) {
        for (int digits = 2; digits < 6; digits++) {
            String a = String.format(Locale.ROOT, "%." + digits + "f", x);
            if (!a.equals(String.format(Locale.ROOT, "%." + digits + "f", other))) return a;
        }
        return String.format(Locale.ROOT, "%.6f", x);
    }
}
