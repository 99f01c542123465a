package dev.fieldtest.embedded;

import dev.fieldtest.embedded.internal.ModelCache;
import dev.fieldtest.embedded.internal.ModelSpec;
import java.util.List;

/**
 * The sentence-embedding models shipped with fieldtest, loaded from the class path (never downloaded):
 * <ul>
 *   <li>{@value #ALL_MINILM_L6_V2}: sentence-transformers all-MiniLM-L6-v2, int8-quantised, 384
 *       dimensions, mean pooling, 256-token window. Separates paraphrases from unrelated text widely.
 *   <li>{@value #E5_SMALL_V2}: intfloat e5-small-v2, int8-quantised, 384 dimensions, mean pooling,
 *       512-token window. Every text is embedded as {@code "query: " + text}, the prefix its authors
 *       prescribe for symmetric similarity; its cosines sit higher than MiniLM's for unrelated text.
 * </ul>
 * Loading takes about a second and tens of megabytes of native memory, so each model is loaded once per
 * process, on first use, and shared by every caller. Thread-safe.
 */
public final class EmbeddingModels {
    /** Name of the all-MiniLM-L6-v2 model. */
    public static final String ALL_MINILM_L6_V2 = "all-minilm-l6-v2";
    /** Name of the e5-small-v2 model. */
    public static final String E5_SMALL_V2 = "e5-small-v2";

    private EmbeddingModels() {}

    /** Every name {@link #load} accepts, sorted. */
    public static List<String> names() {
        return ModelSpec.names();
    }

    public static boolean isKnown(String name) {
        return ModelSpec.byName(name) != null;
    }

    /**
     * The model called {@code name}, loading it on the first call in this process and returning the same
     * instance afterwards. Concurrent first calls load it once; the others wait.
     *
     * @throws IllegalArgumentException when the name is not one of {@link #names()}
     * @throws IllegalStateException    when the model's files are not on the class path or cannot be loaded
     */
    public static EmbeddingModel load(String name) {
        ModelSpec spec = ModelSpec.byName(name);
        if (spec == null) {
            throw new IllegalArgumentException("embedding model must be one of " + String.join(", ", names()) + ", but was \"" + name + "\"");
        }
        return ModelCache.get(spec);
    }

    /**
     * The cosine similarity of two vectors, in [−1, 1] (0 when either is all zeros). For embeddings from
     * {@link EmbeddingModel#embed} this is their dot product.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors must have the same length, but had " + a.length + " and " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 0;
        // Rounding can push |cos| a hair past 1; callers compare against thresholds in [−1, 1].
        return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
    }
}
