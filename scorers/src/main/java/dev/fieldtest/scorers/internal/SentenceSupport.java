package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.List;
import java.util.Set;

/**
 * Decides which of an output's sentences a context supports, for the {@code grounded} check: by shared
 * words, by embeddings, or by a judge ({@link GroundedJudge}). Implementations are thread-safe and may throw
 * a {@link RuntimeException} (a model that cannot be loaded), which the check turns into a failure.
 * Internal, not API.
 */
interface SentenceSupport {
    /** For each sentence, whether {@code context} supports it; {@code input} is the call being checked. */
    Support supported(List<String> sentences, String context, CheckInput input);

    /**
     * What a grader concluded.
     *
     * @param ok      per sentence, whether it is supported; null when nothing could be concluded
     * @param why     why nothing could be concluded (an unusable judge reply); null otherwise
     * @param usage   tokens a judge spent; null when no model was called
     * @param costUsd what a judge cost
     */
    record Support(boolean[] ok, String why, Usage usage, double costUsd) {
        static Support of(boolean[] ok) {
            return new Support(ok, null, null, 0);
        }

        boolean measured() {
            return ok != null;
        }
    }

    /**
     * {@code mode: lexical}: a sentence is supported when at least {@code minOverlap} of its distinct content
     * words ({@link ContentWords}) occur among the context's.
     */
    record Lexical(double minOverlap) implements SentenceSupport {
        @Override
        public Support supported(List<String> sentences, String context, CheckInput input) {
            Set<String> known = ContentWords.of(context);
            boolean[] out = new boolean[sentences.size()];
            for (int i = 0; i < out.length; i++) {
                Set<String> words = ContentWords.of(sentences.get(i));
                long hits = words.stream().filter(known::contains).count();
                out[i] = !words.isEmpty() && hits >= minOverlap * words.size();
            }
            return Support.of(out);
        }
    }

    /**
     * {@code mode: embedding}: a sentence is supported when its cosine to the most similar context sentence
     * ({@link Sentences}) is at least {@code threshold}. The model is loaded on first use, once per process.
     */
    record Embedding(String model, double threshold) implements SentenceSupport {
        @Override
        public Support supported(List<String> sentences, String context, CheckInput input) {
            EmbeddingModel m = EmbeddingModels.load(model);
            List<float[]> known = Sentences.split(context).stream().map(m::embed).toList();
            boolean[] out = new boolean[sentences.size()];
            for (int i = 0; i < out.length; i++) {
                float[] v = m.embed(sentences.get(i));
                double best = -1;
                for (float[] k : known) best = Math.max(best, EmbeddingModels.cosine(v, k));
                out[i] = !known.isEmpty() && best >= threshold;
            }
            return Support.of(out);
        }
    }
}
