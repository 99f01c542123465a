package dev.fieldtest.core.drift;

import java.util.Locale;

/**
 * drift.md: the report as a Markdown page. Production text is untrusted: HTML-significant characters, pipes, backticks
 * and line breaks are escaped so it cannot inject markup or break the table.
 */
public final class DriftMarkdown {
    private DriftMarkdown() {}

    public static String render(DriftReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# Drift: ").append(cell(r.suite())).append(r.feature() == null ? "" : " / feature " + cell(r.feature())).append("\n\n");
        b.append("Golden cases: ").append(r.goldenN()).append(". Production inputs: ").append(r.productionN());
        if (r.productionSkipped() > 0) b.append(" (").append(r.productionSkipped()).append(" more without readable input text skipped)");
        b.append(". Worst verdict: **").append(r.worst().wireName()).append("** (PSI rule of thumb: < 0.1 stable, 0.1–0.25 moderate, > 0.25 shift).\n\n");
        b.append("| descriptor | PSI | verdict | PSI from sampling alone | Jensen–Shannon (bits) | Wasserstein-1 | golden mean | production mean |\n|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (DescriptorDrift d : r.descriptors()) {
            b.append("| ").append(d.name()).append(" | ").append(f(d.psi())).append(" | ").append(d.verdict().wireName()).append(" | ").append(f(d.psiNoise())).append(" | ")
                    .append(f(d.jensenShannon())).append(" | ").append(d.wasserstein1() == null ? "–" : f(d.wasserstein1())).append(" | ")
                    .append(d.wasserstein1() == null ? "–" : f(d.goldenMean())).append(" | ")
                    .append(d.wasserstein1() == null ? "–" : f(d.productionMean())).append(" |\n");
        }
        DriftReport.EmbeddingDrift e = r.embedding();
        if (e != null) {
            b.append("\n## Embeddings (").append(cell(e.model())).append(")\n\n");
            if (e.mmd() == null) b.append("MMD² needs at least two inputs on each side.\n\n");
            else b.append(String.format(Locale.ROOT, "MMD² (unbiased, RBF σ = %.4f) = %.5f, permutation p = %.4f (%d permutations; golden n = %d, production n = %d).%n%n",
                    e.mmd().bandwidth(), e.mmd().mmd2(), e.mmd().pValue(), e.mmd().permutations(), e.goldenN(), e.productionN()));
            if (e.domain() != null) b.append(String.format(Locale.ROOT, "Domain classifier (logistic regression, %d-fold cross-validated): AUC %.3f (0.5: indistinguishable, 1: separable).%n%n",
                    e.domain().folds(), e.domain().auc()));
            Coverage c = e.coverage();
            b.append(String.format(Locale.ROOT, "Coverage: %d of %d production inputs (%.1f %%, 95 %% CI %.1f–%.1f %%) have no golden case with cosine ≥ %.2f; mean nearest cosine %.3f.%n%n",
                    c.uncovered(), c.n(), 100 * c.uncoveredShare(), 100 * c.uncoveredInterval().lo(), 100 * c.uncoveredInterval().hi(), c.threshold(), c.meanNearest()));
            b.append("| cosine | nearest case | started | trace/span | text |\n|---:|---|---|---|---|\n");
            for (DriftReport.Example x : e.farthest()) {
                b.append("| ").append(f(x.cosine())).append(" | ").append(cell(x.nearestCase())).append(" | ").append(x.startedAt()).append(" | ")
                        .append(cell(x.traceId())).append('/').append(cell(x.spanId())).append(" | ").append(cell(x.text())).append(" |\n");
            }
        }
        Staleness s = r.staleness();
        b.append(String.format(Locale.ROOT, "%n## Staleness%n%nGolden set last changed %s (%s). Production window %s – %s: %.1f days after the golden set; %.1f %% of production inputs are newer than it.%n",
                s.goldenAt(), s.goldenAtSource(), s.productionFrom(), s.productionTo(), s.daysBehind(), 100 * s.newerShare()));
        return b.toString();
    }

    /** Untrusted text made inert inside a Markdown table cell. */
    static String cell(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '|' -> b.append("\\|");
                case '`' -> b.append("&#96;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
