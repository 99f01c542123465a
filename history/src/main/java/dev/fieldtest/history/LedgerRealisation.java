package dev.fieldtest.history;

import java.util.List;

/**
 * How far a vendor's claims on one metric were realised offline (docs/ledger.md): for each claim with a measurement,
 * r = measured ÷ claimed, where measured is the latest offline value for that claim's model (and feature's suite);
 * the realisation is the geometric mean exp(mean(ln r)) over the claims, with the smallest and largest r as its spread.
 * Claims whose claimed or measured value is not above 0 have no ratio and are left out. Immutable.
 *
 * @param n     the claims averaged
 * @param ratio the geometric mean of their ratios
 * @param min   the smallest ratio
 * @param max   the largest ratio
 */
public record LedgerRealisation(String vendor, String metric, int n, double ratio, double min, double max) {
    /** One claim's realisation: what it claimed and the latest offline value measured for it. */
    public record Pair(double claimed, double measured) {
        boolean usable() {
            return claimed > 0 && measured > 0 && Double.isFinite(claimed) && Double.isFinite(measured);
        }
    }

    /** The realisation over {@code pairs}, or null when none of them has a ratio. */
    public static LedgerRealisation of(String vendor, String metric, List<Pair> pairs) {
        double sumLog = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Pair p : pairs) {
            if (!p.usable()) continue;
            double r = p.measured() / p.claimed();
            sumLog += Math.log(r);
            min = Math.min(min, r);
            max = Math.max(max, r);
            n++;
        }
        return n == 0 ? null : new LedgerRealisation(vendor, metric, n, Math.exp(sumLog / n), min, max);
    }

    /** What a new claim of {@code claimed} may be expected to measure: ratio × claimed. */
    public double expect(double claimed) {
        return ratio * claimed;
    }

    /** "acme's pass_rate.value claims have realised 0.78× (n=5 claims, range 0.61–0.93); expect 0.71 for this 0.91 claim". */
    public String sentence(double claimed) {
        return "%s's %s claims have realised %s× (n=%d claim%s, range %s–%s); expect %s for this %s claim".formatted(vendor, metric, round(ratio), n,
                n == 1 ? "" : "s", round(min), round(max), round(expect(claimed)), dev.fieldtest.core.gate.PropertyResult.format(claimed));
    }

    static String round(double v) {
        return dev.fieldtest.core.gate.PropertyResult.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }
}
