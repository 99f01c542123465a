package dev.fieldtest.core.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Golden and production counts over the same bins, the input PSI and Jensen–Shannon need (docs/drift.md). Numeric
 * values are binned at the golden set's deciles; categorical values by category. Immutable.
 *
 * @param labels     one per bin: {@code "<= 12"}, {@code "(12, 30]"}, {@code "> 90"}, or the category
 * @param golden     golden count per bin
 * @param production production count per bin
 */
public record Binned(List<String> labels, long[] golden, long[] production) {
    public Binned {
        labels = List.copyOf(labels);
        if (labels.size() != golden.length || golden.length != production.length) throw new IllegalArgumentException("bins differ in length");
        golden = golden.clone();
        production = production.clone();
    }

    /**
     * Bins at the golden deciles: edge i (i = 1..9) is the golden value of nearest rank ⌈i·n/10⌉ (1-based) in sorted
     * order; equal edges merge. Bins are (−∞, e₁], (e₁, e₂], …, (e_last, ∞), so ten distinct golden values give ten
     * bins of one each.
     */
    public static Binned deciles(double[] goldenValues, double[] productionValues) {
        if (goldenValues.length == 0) throw new IllegalArgumentException("the golden set is empty");
        double[] sorted = goldenValues.clone();
        Arrays.sort(sorted);
        TreeSet<Double> unique = new TreeSet<>();
        for (int i = 1; i <= 9; i++) unique.add(sorted[(int) Math.ceil(i * sorted.length / 10.0) - 1]);
        double[] edges = unique.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> labels = new ArrayList<>();
        for (int b = 0; b <= edges.length; b++) {
            if (b == 0) labels.add("<= " + num(edges[0]));
            else if (b == edges.length) labels.add("> " + num(edges[b - 1]));
            else labels.add("(" + num(edges[b - 1]) + ", " + num(edges[b]) + "]");
        }
        return new Binned(labels, count(edges, goldenValues), count(edges, productionValues));
    }

    /** One bin per category seen in either set, sorted by name. */
    public static Binned categories(List<String> goldenValues, List<String> productionValues) {
        TreeSet<String> names = new TreeSet<>(goldenValues);
        names.addAll(productionValues);
        List<String> labels = List.copyOf(names);
        long[] g = new long[labels.size()], p = new long[labels.size()];
        goldenValues.forEach(v -> g[labels.indexOf(v)]++);
        productionValues.forEach(v -> p[labels.indexOf(v)]++);
        return new Binned(labels, g, p);
    }

    /** Counts as shares of their total (all zeros when the total is 0). */
    public static double[] shares(long[] counts) {
        long total = Arrays.stream(counts).sum();
        return Arrays.stream(counts).mapToDouble(c -> total == 0 ? 0 : (double) c / total).toArray();
    }

    private static long[] count(double[] edges, double[] values) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            int bin = 0;
            while (bin < edges.length && v > edges[bin]) bin++;
            counts[bin]++;
        }
        return counts;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
