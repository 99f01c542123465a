package dev.fieldtest.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far raters (judges) agree beyond chance. Every function takes one {@code double[]} per rated item,
 * holding that item's rating by each rater in a fixed rater order ({@code Double.NaN} for a missing rating
 * where allowed). Categorical statistics treat equal numbers as one category. Each returns NaN when the
 * statistic is undefined, which is when the ratings show no variation at all (chance agreement is 1).
 * Pure functions; thread-safe.
 */
public final class Agreement {
    private Agreement() {}

    /** Cohen's kappa: two raters, categorical; every item needs both ratings (no NaN). */
    public static double cohensKappa(List<double[]> items) {
        Map<Double, Integer> index = categories(items);
        long[][] table = new long[index.size()][index.size()];
        for (double[] item : items) {
            if (item.length != 2 || Double.isNaN(item[0]) || Double.isNaN(item[1])) {
                throw new IllegalArgumentException("Cohen's kappa needs exactly two ratings per item, but an item has " + java.util.Arrays.toString(item));
            }
            table[index.get(item[0] + 0.0)][index.get(item[1] + 0.0)]++;
        }
        return cohensKappa(table);
    }

    /** Cohen's kappa from a contingency table: {@code table[i][j]} items rater 1 put in category i and rater 2 in j. */
    public static double cohensKappa(long[][] table) {
        int k = table.length;
        double n = 0, agree = 0;
        double[] rows = new double[k], cols = new double[k];
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) throw new IllegalArgumentException("the contingency table must be square");
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                if (i == j) agree += table[i][j];
            }
        }
        if (n == 0) return Double.NaN;
        double chance = 0;
        for (int i = 0; i < k; i++) chance += (rows[i] / n) * (cols[i] / n);
        return chance == 1 ? Double.NaN : (agree / n - chance) / (1 - chance);
    }

    /** Fleiss' kappa: any number of raters, categorical; every item needs the same number of ratings, none missing. */
    public static double fleissKappa(List<double[]> items) {
        Map<Double, Integer> index = categories(items);
        long[][] counts = new long[items.size()][index.size()];
        for (int i = 0; i < items.size(); i++) {
            for (double r : items.get(i)) {
                if (Double.isNaN(r)) throw new IllegalArgumentException("Fleiss' kappa allows no missing rating; item " + i + " has one");
                counts[i][index.get(r + 0.0)]++;
            }
        }
        return fleissKappa(counts);
    }

    /** Fleiss' kappa from counts: {@code counts[i][j]} raters who put item i in category j (same total per item). */
    public static double fleissKappa(long[][] counts) {
        if (counts.length == 0) return Double.NaN;
        long raters = java.util.Arrays.stream(counts[0]).sum();
        if (raters < 2) throw new IllegalArgumentException("Fleiss' kappa needs at least two ratings per item, but item 0 has " + raters);
        double[] share = new double[counts[0].length];
        double observed = 0;
        for (int i = 0; i < counts.length; i++) {
            long sum = 0, pairs = 0;
            for (int j = 0; j < counts[i].length; j++) {
                sum += counts[i][j];
                pairs += counts[i][j] * (counts[i][j] - 1);
                share[j] += counts[i][j];
            }
            if (sum != raters) throw new IllegalArgumentException("every item needs " + raters + " ratings, but item " + i + " has " + sum);
            observed += (double) pairs / (raters * (raters - 1));
        }
        observed /= counts.length;
        double chance = 0;
        for (double s : share) chance += Math.pow(s / ((double) raters * counts.length), 2);
        return chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }

    /** Krippendorff's alpha with the interval metric (squared difference); NaN marks a missing rating. */
    public static double krippendorffAlpha(List<double[]> items) {
        return alpha(items, true);
    }

    /** Krippendorff's alpha with the nominal metric (any two different values disagree equally). */
    public static double krippendorffAlphaNominal(List<double[]> items) {
        return alpha(items, false);
    }

    /**
     * 1 − D_o/D_e. Only items with at least two ratings count ("pairable"); D_o weighs each item's
     * disagreeing pairs by 1/(m − 1), D_e takes all pairable values pooled, over n − 1.
     */
    private static double alpha(List<double[]> items, boolean interval) {
        List<Double> pooled = new ArrayList<>();
        double within = 0;
        for (double[] item : items) {
            List<Double> values = new ArrayList<>();
            for (double v : item) if (!Double.isNaN(v)) values.add(v);
            if (values.size() < 2) continue;
            within += disagreement(values, interval) / (values.size() - 1);
            pooled.addAll(values);
        }
        int n = pooled.size();
        if (n < 2) return Double.NaN;
        double expected = disagreement(pooled, interval) / (n - 1);
        return expected == 0 ? Double.NaN : 1 - within / expected;
    }

    /** The sum of δ² over all ordered pairs of distinct positions, in closed form. */
    private static double disagreement(List<Double> values, boolean interval) {
        double m = values.size();
        if (interval) {
            double sum = 0, squares = 0;
            for (double v : values) {
                sum += v;
                squares += v * v;
            }
            return Math.max(0, 2 * m * squares - 2 * sum * sum); // Σ_{i≠j} (v_i − v_j)²
        }
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) counts.merge(v, 1, Integer::sum);
        double same = 0;
        for (int c : counts.values()) same += (double) c * c;
        return m * m - same; // ordered pairs whose values differ
    }

    private static Map<Double, Integer> categories(List<double[]> items) {
        TreeSet<Double> seen = new TreeSet<>();
        for (double[] item : items) for (double r : item) if (!Double.isNaN(r)) seen.add(r + 0.0); // + 0.0 turns -0.0 into 0.0: one category
        Map<Double, Integer> index = new HashMap<>();
        for (double c : seen) index.put(c, index.size());
        return index;
    }
}
