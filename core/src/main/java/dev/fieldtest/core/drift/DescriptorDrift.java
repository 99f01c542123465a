package dev.fieldtest.core.drift;

import java.util.Arrays;
import java.util.List;

/**
 * One descriptor's drift from the golden set to production (docs/drift.md): PSI with its rule-of-thumb verdict and the
 * Jensen–Shannon divergence over the same bins, and for numeric descriptors the exact Wasserstein-1 distance.
 *
 * @param kind        {@code numeric} (binned at golden deciles) or {@code categorical}
 * @param wasserstein1 in the descriptor's unit; null for a categorical descriptor
 * @param psiNoise     the PSI sampling alone gives on average when nothing drifted: (bins − 1)·(1/n_golden + 1/n_production),
 *                     from PSI·nm/(n+m) being asymptotically χ² with bins − 1 degrees of freedom; empty bins make small
 *                     samples worse than this
 */
public record DescriptorDrift(String name, String kind, Binned bins, double psi, double jensenShannon, Double wasserstein1,
                              PsiVerdict verdict, double goldenMean, double productionMean, double psiNoise) {

    public static DescriptorDrift numeric(String name, double[] golden, double[] production) {
        Binned bins = Binned.deciles(golden, production);
        double psi = Divergence.psi(bins.golden(), bins.production());
        return new DescriptorDrift(name, "numeric", bins, psi, Divergence.jensenShannon(bins.golden(), bins.production()),
                Divergence.wasserstein1(golden, production), PsiVerdict.of(psi), mean(golden), mean(production),
                noise(bins, golden.length, production.length));
    }

    public static DescriptorDrift categorical(String name, List<String> golden, List<String> production) {
        Binned bins = Binned.categories(golden, production);
        double psi = Divergence.psi(bins.golden(), bins.production());
        return new DescriptorDrift(name, "categorical", bins, psi, Divergence.jensenShannon(bins.golden(), bins.production()),
                null, PsiVerdict.of(psi), Double.NaN, Double.NaN, noise(bins, golden.size(), production.size()));
    }

    private static double noise(Binned bins, int n, int m) {
        return (bins.labels().size() - 1) * (1.0 / n + 1.0 / m);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
