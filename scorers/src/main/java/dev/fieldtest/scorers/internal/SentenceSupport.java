package dev.fieldtest.scorers.internal;

import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.List;
import java.util.Set;

/**
 * Decides which of an output's sentences a context supports, for the {@code grounded} check. A judge mode
 * would be one more implementation. Implementations are thread-safe and may throw a
 * {@link RuntimeException} (a model that cannot be loaded), which the check turns into a failure.
 * Internal, not API.
 */
interface SentenceSupport {
    /** For each sentence, whether {@code context} supports it. */
    boolean[] supported(List<String> sentences, String context);

    /**
     * {@code mode: lexical}: a sentence is supported when at least {@code minOverlap} of its distinct content
     * words ({@link ContentWords}) occur among the context's.
     */
    record Lexical(double minOverlap) implements SentenceSupport {
        @Override
        public boolean[] supported(List<String> sentences, String context) {
            Set<String> known = ContentWords.of(context);
            boolean[] out = new boolean[sentences.size()];
            for (int i = 0; i < out.length; i++) {
                Set<String> words = ContentWords.of(sentences.get(i));
                long hits = words.stream().filter(known::contains).count();
                out[i] = !words.isEmpty() && hits >= minOverlap * words.size();
            }
            return out;
        }
    }

    /**
     * {@code mode: embedding}: a sentence is supported when its cosine to the most similar context sentence
     * ({@link Sentences}) is at least {@code threshold}. The model is loaded on first use, once per process.
     */
    record Embedding(String model, double threshold) implements SentenceSupport {
        @Override
        public boolean[] supported(List<String> sentences, String context) {
            EmbeddingModel m = EmbeddingModels.load(model);
            List<float[]> known = Sentences.split(context).stream().map(m::embed).toList();
            boolean[] out = new boolean[sentences.size()];
            for (int i = 0; i < out.length; i++) {
                float[] v = m.embed(sentences.get(i));
                double best = -1;
                for (float[] k : known) best = Math.max(best, EmbeddingModels.cosine(v, k));
                out[i] = !known.isEmpty() && best >= threshold;
            }
            return out;
        }
    }
}
