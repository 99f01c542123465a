package dev.fieldtest.core.drift;

import dev.fieldtest.core.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well the golden set covers production: for each production input, the cosine to its nearest golden case; the
 * share whose nearest cosine is below {@code threshold} (with its 95 % Wilson interval), and the farthest inputs.
 *
 * @param farthest the production inputs with the lowest nearest cosine (covered or not), lowest first, at most the requested count
 */
public record Coverage(double threshold, int n, int uncovered, WilsonInterval uncoveredInterval, double meanNearest,
                       List<Nearest> farthest) {

    /** One production input (by index) and its nearest golden case (by index) with their cosine. */
    public record Nearest(int production, int golden, double cosine) {}

    public Coverage {
        farthest = List.copyOf(farthest);
    }

    public double uncoveredShare() {
        return n == 0 ? 0 : (double) uncovered / n;
    }

    /** Cosines of unit or non-unit vectors alike (a zero vector has cosine 0 to everything). */
    public static Coverage of(double[][] golden, double[][] production, double threshold, int examples) {
        if (golden.length == 0 || production.length == 0) throw new IllegalArgumentException("coverage needs golden and production vectors");
        List<Nearest> all = new ArrayList<>();
        int uncovered = 0;
        double sum = 0;
        for (int p = 0; p < production.length; p++) {
            Nearest best = null;
            for (int g = 0; g < golden.length; g++) {
                double c = cosine(production[p], golden[g]);
                if (best == null || c > best.cosine()) best = new Nearest(p, g, c);
            }
            all.add(best);
            sum += best.cosine();
            if (best.cosine() < threshold) uncovered++;
        }
        List<Nearest> far = all.stream()
                .sorted(Comparator.comparingDouble(Nearest::cosine).thenComparingInt(Nearest::production)).limit(examples).toList();
        return new Coverage(threshold, production.length, uncovered, WilsonInterval.of(uncovered, production.length),
                sum / production.length, far);
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
