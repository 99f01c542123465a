package dev.fieldtest.core.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * The paired cluster bootstrap of a difference in pass rates: resamples whole cases with replacement (all
 * of a case's pairs move together, since repeats and variants of one case are correlated) and recomputes
 * d = (B passes − A passes) / pairs on each resample. Deterministic: {@value #RESAMPLES} resamples drawn by
 * {@link Random} (whose sequence the JDK specifies) seeded with {@value #SEED}, so a run's interval is the
 * same on every machine. Stateless.
 */
public final class PairedBootstrap {
    public static final int RESAMPLES = 10_000;
    public static final long SEED = 20_261_129L;

    private PairedBootstrap() {}

    /**
     * The 95 % percentile interval of d: the 2.5th and 97.5th percentiles of the resampled differences,
     * interpolated linearly between order statistics (h = (R − 1)·q).
     *
     * @param passDiff per case, B passes − A passes over its pairs
     * @param pairs    per case, its pairs (≥ 1)
     * @return {lo, hi}
     * @throws IllegalArgumentException when there are no cases, the arrays differ in length, or a case has no pairs
     */
    public static double[] ci95(int[] passDiff, int[] pairs) {
        return interval(passDiff, pairs, RESAMPLES, SEED, 0.025, 0.975);
    }

    static double[] interval(int[] passDiff, int[] pairs, int resamples, long seed, double qLo, double qHi) {
        int cases = pairs.length;
        if (cases == 0 || passDiff.length != cases) {
            throw new IllegalArgumentException("need one or more cases and one pass difference per case");
        }
        for (int m : pairs) if (m < 1) throw new IllegalArgumentException("every case needs a pair, but one had " + m);
        Random random = new Random(seed);
        double[] d = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            long diff = 0;
            long n = 0;
            for (int i = 0; i < cases; i++) {
                int c = random.nextInt(cases);
                diff += passDiff[c];
                n += pairs[c];
            }
            d[r] = (double) diff / n;
        }
        Arrays.sort(d);
        return new double[] {quantile(d, qLo), quantile(d, qHi)};
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i + 1 >= sorted.length) return sorted[sorted.length - 1];
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }
}
