package dev.fieldtest.report;

import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The reliability diagram's data for one target: calls that stated a confidence, put in 10 equal-width bins
 * ([0, 0.1), …, [0.8, 0.9), [0.9, 1.0] — the bins of summary.json's ECE), each with its mean stated confidence
 * and observed pass rate. Empty bins are left out.
 */
record HtmlCalibration(List<Bin> bins) {
    /** One non-empty bin: {@code index} 0..9, calls in it, their mean confidence and the share that passed. */
    record Bin(int index, long n, double meanConfidence, double passRate) {}

    static HtmlCalibration of(List<ScoredCall> rows, String target) {
        long[] n = new long[10], passes = new long[10];
        double[] confidence = new double[10];
        for (ScoredCall r : rows) {
            Double c = r.confidence();
            if (!r.observation().targetId().equals(target) || c == null || !(c >= 0 && c <= 1)) continue;
            int bin = Math.min(9, (int) Math.floor(c * 10));
            n[bin]++;
            confidence[bin] += c;
            if (r.pass()) passes[bin]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (n[i] > 0) bins.add(new Bin(i, n[i], confidence[i] / n[i], (double) passes[i] / n[i]));
        }
        return new HtmlCalibration(List.copyOf(bins));
    }

    long calls() {
        return bins.stream().mapToLong(Bin::n).sum();
    }
}
