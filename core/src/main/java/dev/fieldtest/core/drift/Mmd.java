package dev.fieldtest.core.drift;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Maximum mean discrepancy between two samples of vectors with an RBF kernel k(a, b) = exp(−‖a − b‖² / 2σ²), the
 * unbiased estimator MMD²ᵤ and a label-permutation p-value (docs/drift.md). Needs at least two vectors on each side.
 *
 * @param mmd2         MMD²ᵤ of the two samples as given (can be slightly negative when they match)
 * @param bandwidth    σ: the median heuristic unless given
 * @param pValue       (1 + #{permutations with MMD²ᵤ ≥ mmd2}) / (1 + permutations)
 * @param permutations how many label permutations were drawn
 */
public record Mmd(double mmd2, double bandwidth, double pValue, int permutations) {

    /** MMD²ᵤ with the median-heuristic bandwidth and a permutation test of {@code permutations} draws from {@code seed}. */
    public static Mmd test(double[][] x, double[][] y, int permutations, long seed) {
        double[][] pooled = pool(x, y);
        return test(x.length, pooled, medianDistance(pooled), permutations, seed);
    }

    /** As {@link #test(double[][], double[][], int, long)} with a fixed bandwidth σ. */
    public static Mmd test(double[][] x, double[][] y, double sigma, int permutations, long seed) {
        return test(x.length, pool(x, y), sigma, permutations, seed);
    }

    /**
     * The median heuristic: σ = the median of ‖zᵢ − zⱼ‖ over all pairs i &lt; j of the pooled sample (the mean of the
     * two middle ones for an even count); 1 when that median is 0 (all vectors equal), so the kernel stays defined.
     */
    public static double medianDistance(double[][] pooled) {
        int n = pooled.length;
        double[] d = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) d[k++] = Math.sqrt(squaredDistance(pooled[i], pooled[j]));
        Arrays.sort(d);
        double median = d.length == 0 ? 0 : d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return median > 0 ? median : 1;
    }

    private static Mmd test(int m, double[][] pooled, double sigma, int permutations, long seed) {
        int n = pooled.length - m;
        if (m < 2 || n < 2) throw new IllegalArgumentException("MMD² needs at least two vectors in each sample (have " + m + " and " + n + ")");
        double[][] gram = new double[pooled.length][pooled.length];
        for (int i = 0; i < pooled.length; i++) {
            for (int j = i + 1; j < pooled.length; j++) {
                gram[i][j] = gram[j][i] = Math.exp(-squaredDistance(pooled[i], pooled[j]) / (2 * sigma * sigma));
            }
        }
        boolean[] inX = new boolean[pooled.length];
        Arrays.fill(inX, 0, m, true);
        double observed = mmd2(gram, inX, m, n);
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            shuffle(inX, random);
            if (mmd2(gram, inX, m, n) >= observed) atLeast++;
        }
        return new Mmd(observed, sigma, (1.0 + atLeast) / (1.0 + permutations), permutations);
    }

    /** MMD²ᵤ = Σ_{i≠j∈X} k/(m(m−1)) + Σ_{i≠j∈Y} k/(n(n−1)) − 2·Σ_{i∈X, j∈Y} k/(mn). */
    private static double mmd2(double[][] gram, boolean[] inX, int m, int n) {
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < gram.length; i++) {
            for (int j = i + 1; j < gram.length; j++) {
                if (inX[i] && inX[j]) xx += gram[i][j];
                else if (!inX[i] && !inX[j]) yy += gram[i][j];
                else xy += gram[i][j];
            }
        }
        // Sums over i < j count each unordered pair once; the formula sums ordered pairs, hence the 2s.
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    private static void shuffle(boolean[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double[][] pool(double[][] x, double[][] y) {
        double[][] pooled = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        return pooled;
    }
}
