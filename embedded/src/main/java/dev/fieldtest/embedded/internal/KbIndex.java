package dev.fieldtest.embedded.internal;

import dev.fieldtest.embedded.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The knowledge base's questions embedded with one model, searched by cosine similarity (a dot product,
 * since embeddings are unit length). A brute-force scan: knowledge bases for evaluation hold hundreds to a
 * few thousand entries, where a scan of 384-float vectors takes microseconds. Internal, not API.
 * Immutable and thread-safe.
 */
final class KbIndex {
    private final EmbeddingModel model;
    private final List<KbEntry> entries;
    private final float[][] vectors;

    private KbIndex(EmbeddingModel model, List<KbEntry> entries, float[][] vectors) {
        this.model = model;
        this.entries = entries;
        this.vectors = vectors;
    }

    static KbIndex build(EmbeddingModel model, List<KbEntry> entries) {
        float[][] vectors = new float[entries.size()][];
        for (int i = 0; i < vectors.length; i++) vectors[i] = model.embed(entries.get(i).question());
        return new KbIndex(model, List.copyOf(entries), vectors);
    }

    EmbeddingModel model() {
        return model;
    }

    /** A knowledge-base entry and the cosine similarity of its question to the query. */
    record Match(KbEntry entry, double similarity) {}

    /** The {@code k} entries most similar to {@code query}, best first; ties keep file order. */
    List<Match> top(String query, int k) {
        float[] q = model.embed(query);
        List<Match> all = new ArrayList<>(entries.size());
        for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            float[] v = vectors[i];
            for (int d = 0; d < v.length; d++) dot += (double) q[d] * v[d];
            all.add(new Match(entries.get(i), Math.max(-1, Math.min(1, dot))));
        }
        // a stable sort: equal similarities keep the knowledge base's order, so results never depend on chance
        all.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
