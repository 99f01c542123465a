package dev.fieldtest.cli;

import dev.fieldtest.core.drift.Coverage;
import dev.fieldtest.core.drift.DescriptorDrift;
import dev.fieldtest.core.drift.DriftReport;
import dev.fieldtest.core.drift.Staleness;
import java.util.Locale;

/** The short console report of {@code fieldtest drift}; example texts arrive cut and redacted, and control characters are dropped here. */
final class DriftText {
    private DriftText() {}

    static String render(DriftReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Drift of %s%s: %d golden inputs, %d production inputs%s%n%n", r.suite(),
                r.feature() == null ? "" : " (feature " + r.feature() + ")", r.goldenN(), r.productionN(),
                r.productionSkipped() == 0 ? "" : " (" + r.productionSkipped() + " without input text skipped)"));
        b.append(String.format(Locale.ROOT, "  %-14s %8s  %-8s %8s %8s %12s%n", "descriptor", "PSI", "verdict", "noise", "JS bits", "W1"));
        for (DescriptorDrift d : r.descriptors()) {
            b.append(String.format(Locale.ROOT, "  %-14s %8.4f  %-8s %8.4f %8.4f %12s%n", d.name(), d.psi(), d.verdict().wireName(), d.psiNoise(), d.jensenShannon(),
                    d.wasserstein1() == null ? "-" : String.format(Locale.ROOT, "%.2f", d.wasserstein1())));
        }
        b.append("  (PSI rule of thumb: < 0.1 stable, 0.1-0.25 moderate, > 0.25 shift; noise: the PSI sampling alone gives on average)\n");
        DriftReport.EmbeddingDrift e = r.embedding();
        if (e != null) {
            b.append(e.mmd() == null ? "\nMMD²: needs at least two inputs on each side\n"
                    : String.format(Locale.ROOT, "%nMMD² (%s, RBF, median-heuristic σ %.3f): %.5f, permutation p = %.4f (%d permutations, production n = %d)%n",
                    e.model(), e.mmd().bandwidth(), e.mmd().mmd2(), e.mmd().pValue(), e.mmd().permutations(), e.productionN()));
            if (e.domain() != null) b.append(String.format(Locale.ROOT, "Domain classifier AUC: %.3f (%d-fold cross-validated; 0.5 = indistinguishable, 1 = separable)%n",
                    e.domain().auc(), e.domain().folds()));
            Coverage c = e.coverage();
            b.append(String.format(Locale.ROOT, "Coverage: %.1f %% of production inputs (%d of %d, 95 %% CI %.1f-%.1f %%) have no golden case with cosine >= %.2f%n",
                    100 * c.uncoveredShare(), c.uncovered(), c.n(), 100 * c.uncoveredInterval().lo(), 100 * c.uncoveredInterval().hi(), c.threshold()));
            for (DriftReport.Example x : e.farthest()) {
                b.append(String.format(Locale.ROOT, "  %6.3f  nearest %s: %s%n", x.cosine(), plain(x.nearestCase()), plain(x.text())));
            }
        }
        Staleness s = r.staleness();
        b.append(String.format(Locale.ROOT, "%nStaleness: golden set of %s (%s); production %s to %s, %.1f days later; %.1f %% of production inputs are newer%n",
                s.goldenAt(), s.goldenAtSource(), s.productionFrom(), s.productionTo(), s.daysBehind(), 100 * s.newerShare()));
        return b.toString();
    }

    /** One line, no terminal control characters (production text is untrusted). */
    private static String plain(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }
}
