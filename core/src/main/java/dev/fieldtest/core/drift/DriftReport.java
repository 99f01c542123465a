package dev.fieldtest.core.drift;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code fieldtest drift} found (docs/drift.md; drift.json renders it field by field). {@code embedding} is
 * null when no embedding model was used. Example texts are already cut to 200 characters and redacted.
 *
 * @param productionSkipped production spans in the window whose {@code input_messages} held no readable text
 */
public record DriftReport(String suite, String feature, int goldenN, int productionN, int productionSkipped,
                          List<DescriptorDrift> descriptors, EmbeddingDrift embedding, Staleness staleness) {
    public DriftReport {
        descriptors = List.copyOf(descriptors);
    }

    /** MMD², the domain classifier (null below 2 inputs a side), coverage and the topic clustering, computed on embeddings of the golden set and (a sample of) production. */
    public record EmbeddingDrift(String model, int goldenN, int productionN, Mmd mmd, DomainClassifier domain, Coverage coverage,
                                 int topics, List<Example> farthest) {
        public EmbeddingDrift {
            farthest = List.copyOf(farthest);
        }
    }

    /** A production input far from every golden case: its span, start, text (cut, redacted) and nearest golden case. */
    public record Example(String traceId, String spanId, Instant startedAt, String text, String nearestCase, double cosine) {}

    /** The worst verdict over the descriptors (topic included). */
    public PsiVerdict worst() {
        return descriptors.stream().map(DescriptorDrift::verdict).max(Enum::compareTo).orElse(PsiVerdict.STABLE);
    }
}
