package dev.fieldtest.core.drift;

import dev.fieldtest.core.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Computes a {@link DriftReport}: descriptors of every golden and production input, then (given an embedding model)
 * MMD², the domain classifier, coverage and topic drift on the golden set and at most {@code maxEmbedded} production inputs, a seeded
 * sample when there are more. Embeds in parallel; the model must be thread-safe.
 */
public final class DriftAnalysis {
    static final int EXAMPLE_CHARS = 200;

    private DriftAnalysis() {}

    /**
     * @param embed     text to vector, or null to skip the embedding metrics (and the topic descriptor)
     * @param model     the embedding model's name, for the report
     */
    public static DriftReport run(String suite, String feature, List<GoldenInput> golden, List<ProductionText> production,
                                  int productionSkipped, Function<String, float[]> embed, String model, DriftSettings s,
                                  Staleness staleness) {
        if (golden.isEmpty()) throw new IllegalArgumentException("the golden set is empty");
        if (production.isEmpty()) throw new IllegalArgumentException("no production inputs");
        List<Descriptors> g = golden.stream().map(x -> Descriptors.of(x.text())).toList();
        List<Descriptors> p = production.stream().map(x -> Descriptors.of(x.text())).toList();
        List<DescriptorDrift> drifts = new ArrayList<>(List.of(
                DescriptorDrift.numeric("length_chars", g.stream().mapToDouble(Descriptors::chars).toArray(), p.stream().mapToDouble(Descriptors::chars).toArray()),
                DescriptorDrift.numeric("length_tokens", g.stream().mapToDouble(Descriptors::tokens).toArray(), p.stream().mapToDouble(Descriptors::tokens).toArray()),
                DescriptorDrift.categorical("language", g.stream().map(Descriptors::language).toList(), p.stream().map(Descriptors::language).toList()),
                DescriptorDrift.categorical("structure", g.stream().map(Descriptors::structure).toList(), p.stream().map(Descriptors::structure).toList())));
        DriftReport.EmbeddingDrift embedding = null;
        if (embed != null) {
            List<ProductionText> sample = sample(production, s.maxEmbedded(), s.seed());
            double[][] ge = embedAll(golden.stream().map(GoldenInput::text).toList(), embed);
            double[][] pe = embedAll(sample.stream().map(ProductionText::text).toList(), embed);
            embedding = embeddingDrift(golden, sample, ge, pe, model, s, drifts);
        }
        return new DriftReport(suite, feature, golden.size(), production.size(), productionSkipped, drifts, embedding, staleness);
    }

    private static DriftReport.EmbeddingDrift embeddingDrift(List<GoldenInput> golden, List<ProductionText> sample, double[][] ge,
                                                            double[][] pe, String model, DriftSettings s, List<DescriptorDrift> drifts) {
        Mmd mmd = ge.length >= 2 && pe.length >= 2 ? Mmd.test(ge, pe, s.permutations(), s.seed()) : null;
        DomainClassifier domain = DomainClassifier.crossValidated(ge, pe, DomainClassifier.FOLDS, s.seed());
        Coverage coverage = Coverage.of(ge, pe, s.coverageThreshold(), s.examples());
        double[][] pooled = new double[ge.length + pe.length][];
        System.arraycopy(ge, 0, pooled, 0, ge.length);
        System.arraycopy(pe, 0, pooled, ge.length, pe.length);
        int[] labels = KMeans.cluster(pooled, s.topics(), s.seed());
        List<String> names = IntStream.of(labels).mapToObj(l -> "topic-" + l).toList();
        drifts.add(DescriptorDrift.categorical("topic", names.subList(0, ge.length), names.subList(ge.length, names.size())));
        List<DriftReport.Example> examples = coverage.farthest().stream().map(n -> {
            ProductionText t = sample.get(n.production());
            return new DriftReport.Example(t.traceId(), t.spanId(), t.startedAt(), cut(Secrets.redact(t.text())),
                    golden.get(n.golden()).caseId(), n.cosine());
        }).toList();
        return new DriftReport.EmbeddingDrift(model, ge.length, pe.length, mmd, domain, coverage, Math.min(s.topics(), pooled.length), examples);
    }

    /** Every input when there are at most {@code max}, else a seeded uniform sample of {@code max} in their original order. */
    static List<ProductionText> sample(List<ProductionText> all, int max, long seed) {
        if (all.size() <= max) return all;
        int[] idx = IntStream.range(0, all.size()).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return IntStream.of(java.util.Arrays.copyOf(idx, max)).sorted().mapToObj(all::get).toList();
    }

    private static double[][] embedAll(List<String> texts, Function<String, float[]> embed) {
        return IntStream.range(0, texts.size()).parallel().mapToObj(i -> {
            float[] f = embed.apply(texts.get(i));
            double[] d = new double[f.length];
            for (int k = 0; k < f.length; k++) d[k] = f[k];
            return d;
        }).toArray(double[][]::new);
    }

    /** At most 200 code points, never splitting a surrogate pair; "…" marks a cut. Redact before cutting. */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= EXAMPLE_CHARS) return text;
        return text.substring(0, text.offsetByCodePoints(0, EXAMPLE_CHARS)) + "…";
    }
}
