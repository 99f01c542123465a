package dev.fieldtest.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The domain-classifier test (docs/drift.md): can a logistic regression tell production embeddings from golden ones?
 * Out-of-fold scores from stratified k-fold cross-validation, pooled into one ROC AUC: about 0.5 when the sets are
 * alike, near 1 when production is separable.
 *
 * @param auc   the pooled out-of-fold AUC in [0, 1]
 * @param folds the folds used (5, or fewer when a side has fewer inputs)
 */
public record DomainClassifier(double auc, int folds) {
    /** Folds of the cross-validation. */
    public static final int FOLDS = 5;
    static final int ITERATIONS = 300;
    static final double L2 = 1e-3;

    /** Null when either side has fewer than 2 vectors (no fold could hold both classes). */
    public static DomainClassifier crossValidated(double[][] golden, double[][] production, int folds, long seed) {
        int k = Math.min(folds, Math.min(golden.length, production.length));
        if (k < 2) return null;
        double[][] x = new double[golden.length + production.length][];
        boolean[] y = new boolean[x.length];
        System.arraycopy(golden, 0, x, 0, golden.length);
        System.arraycopy(production, 0, x, golden.length, production.length);
        for (int i = golden.length; i < x.length; i++) y[i] = true;
        int[] fold = new int[x.length];
        SplittableRandom random = new SplittableRandom(seed);
        assign(fold, 0, golden.length, k, random);
        assign(fold, golden.length, x.length, k, random);
        double[] scores = new double[x.length];
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (fold[i] != f) train.add(i);
            double[] w = fit(x, y, train);
            for (int i = 0; i < x.length; i++) if (fold[i] == f) scores[i] = linear(w, x[i]);
        }
        return new DomainClassifier(auc(scores, y), k);
    }

    /** Stratification: one class's indices shuffled, then dealt round-robin to the folds. */
    private static void assign(int[] fold, int from, int to, int k, SplittableRandom random) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        for (int i = idx.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        for (int i = 0; i < idx.length; i++) fold[idx[i]] = i % k;
    }

    /**
     * Class-balanced L2-regularised logistic regression by full-batch gradient descent. The step 1/(0.25·max‖x‖² + λ)
     * is at most 1/L for the loss's gradient Lipschitz constant L, so descent cannot diverge. Last weight is the bias.
     */
    static double[] fit(double[][] x, boolean[] y, List<Integer> rows) {
        int d = x[0].length;
        long pos = rows.stream().filter(i -> y[i]).count(), neg = rows.size() - pos;
        double wPos = rows.size() / (2.0 * pos), wNeg = rows.size() / (2.0 * neg);
        double maxNorm = 1;
        for (int i : rows) maxNorm = Math.max(maxNorm, dot(x[i], x[i]) + 1);
        double step = 1 / (0.25 * maxNorm * Math.max(wPos, wNeg) + L2);
        double[] w = new double[d + 1];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[d + 1];
            for (int i : rows) {
                double p = 1 / (1 + Math.exp(-linear(w, x[i])));
                double g = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                for (int j = 0; j < d; j++) grad[j] += g * x[i][j];
                grad[d] += g;
            }
            for (int j = 0; j <= d; j++) w[j] -= step * (grad[j] / rows.size() + (j < d ? L2 * w[j] : 0));
        }
        return w;
    }

    /** ROC AUC by Mann–Whitney: the share of (positive, negative) pairs ranked right, ties counting one half. */
    static double auc(double[] scores, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) continue;
            for (int j = 0; j < scores.length; j++) {
                if (positive[j]) continue;
                pairs++;
                if (scores[i] > scores[j]) wins += 1;
                else if (scores[i] == scores[j]) wins += 0.5;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    private static double linear(double[] w, double[] x) {
        double s = w[x.length];
        for (int j = 0; j < x.length; j++) s += w[j] * x[j];
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
