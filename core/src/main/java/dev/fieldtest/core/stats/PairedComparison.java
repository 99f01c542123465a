package dev.fieldtest.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Target A against target B on the calls both made: pairs are calls with the same case id, repeat index
 * and variant ({@link PairedCall.Key}); a call without a partner is left out. Immutable.
 *
 * <p>The difference d = pass rate of B − pass rate of A over the pairs. Its 95 % interval is the
 * {@link PairedBootstrap} over cases ({@link PairedCall#cluster()}); the test is {@link McNemar#exactP}
 * on the discordant pairs; {@code detectableN} is {@link McNemar#pairsToDetect} for
 * {@value #DETECT_POINTS} points at the observed discordant share. With no pairs the rates, interval and
 * detectable N are null and p is 1.
 *
 * @param cases  distinct cases among the pairs (a variant counts with the case it was derived from)
 * @param aOnly  pairs where A passed and B failed
 * @param bOnly  pairs where B passed and A failed
 */
public record PairedComparison(long n, long cases, long passesA, long passesB, long aOnly, long bOnly,
                               Double ciLo, Double ciHi, double mcnemarP, Long detectableN) {
    /** The difference, in percentage points, that {@code detectableN} is computed for. */
    public static final int DETECT_POINTS = 5;
    private static final double SIGNIFICANCE = 0.05;

    /**
     * Pairs {@code a}'s calls with {@code b}'s and compares them. The result does not depend on the order of
     * either collection.
     *
     * @throws IllegalArgumentException when one side has two calls with the same key (a run never records one
     *                                  twice, so the input is not one run's target)
     */
    public static PairedComparison of(Collection<PairedCall> a, Collection<PairedCall> b) {
        Map<PairedCall.Key, PairedCall> byKey = index(b, "B");
        index(a, "A"); // rejects duplicates on A's side too
        TreeMap<String, int[]> perCase = new TreeMap<>(); // sorted: the bootstrap must not depend on row order
        long n = 0, passesA = 0, passesB = 0, aOnly = 0, bOnly = 0;
        for (PairedCall x : a) {
            PairedCall y = byKey.get(x.key());
            if (y == null) continue;
            n++;
            if (x.pass()) passesA++;
            if (y.pass()) passesB++;
            if (x.pass() && !y.pass()) aOnly++;
            if (y.pass() && !x.pass()) bOnly++;
            int[] c = perCase.computeIfAbsent(x.cluster(), k -> new int[2]);
            c[0] += (y.pass() ? 1 : 0) - (x.pass() ? 1 : 0);
            c[1]++;
        }
        double p = McNemar.exactP(aOnly, bOnly);
        if (n == 0) return new PairedComparison(0, 0, 0, 0, 0, 0, null, null, p, null);
        int[] diff = perCase.values().stream().mapToInt(c -> c[0]).toArray();
        int[] pairs = perCase.values().stream().mapToInt(c -> c[1]).toArray();
        double[] ci = PairedBootstrap.ci95(diff, pairs);
        long detectable = McNemar.pairsToDetect((double) (aOnly + bOnly) / n, DETECT_POINTS / 100.0);
        return new PairedComparison(n, perCase.size(), passesA, passesB, aOnly, bOnly, ci[0], ci[1], p, detectable);
    }

    private static Map<PairedCall.Key, PairedCall> index(Collection<PairedCall> calls, String side) {
        Map<PairedCall.Key, PairedCall> out = new LinkedHashMap<>();
        for (PairedCall c : calls) {
            if (out.putIfAbsent(c.key(), c) != null) {
                throw new IllegalArgumentException("target " + side + " has two calls for case '" + c.caseId() + "', repeat "
                        + c.repeat() + (c.variant() == null ? "" : ", variant '" + c.variant() + "'"));
            }
        }
        return out;
    }

    /** Passes of A ÷ pairs; null without pairs. */
    public Double passRateA() {
        return n == 0 ? null : (double) passesA / n;
    }

    /** Passes of B ÷ pairs; null without pairs. */
    public Double passRateB() {
        return n == 0 ? null : (double) passesB / n;
    }

    /** Pass rate of B − pass rate of A; null without pairs. */
    public Double difference() {
        return n == 0 ? null : (double) (passesB - passesA) / n;
    }

    /** True when the interval excludes 0 and McNemar's p is below 0.05: then the verdict names a winner. */
    public boolean detected() {
        return n > 0 && (ciLo > 0 || ciHi < 0) && mcnemarP < SIGNIFICANCE;
    }

    /**
     * One sentence: "B is better by 6.1 points, 95% CI 2.3–9.8 (McNemar p = 0.004, n = 48)" (or A) when
     * {@link #detected()}, else "no detectable difference with n = 48; about 620 pairs would detect 5
     * points", or "no paired calls". Points are percentage points to one decimal; the interval is of the
     * winner's advantage; p is cut (not rounded) to three decimals, so it never reads as 0.050 when below 0.05.
     */
    public String verdict() {
        return verdict(null, null);
    }

    /**
     * The same sentence naming the two sides: "gpt-b is better than gpt-a by 6.1 points, …" (summary.json's
     * {@code paired} section names targets this way). Null names give {@link #verdict()}'s "A"/"B" form.
     */
    public String verdict(String nameA, String nameB) {
        if (n == 0) return "no paired calls";
        if (!detected()) {
            return String.format(Locale.ROOT, "no detectable difference with n = %d; about %d pairs would detect %d points",
                    n, detectableN, DETECT_POINTS);
        }
        boolean bBetter = ciLo > 0;
        double lo = bBetter ? ciLo : -ciHi;
        double hi = bBetter ? ciHi : -ciLo;
        String winner = nameA == null ? (bBetter ? "B" : "A") : (bBetter ? nameB : nameA) + " is better than " + (bBetter ? nameA : nameB);
        return String.format(Locale.ROOT, "%s%s by %.1f points, 95%% CI %.1f–%.1f (McNemar %s, n = %d)",
                winner, nameA == null ? " is better" : "", (bBetter ? difference() : -difference()) * 100, lo * 100, hi * 100, formatP(mcnemarP), n);
    }

    /** "p = 0.004", or "p < 0.001". */
    static String formatP(double p) {
        if (p < 0.001) return "p < 0.001";
        return "p = " + BigDecimal.valueOf(p).setScale(3, RoundingMode.FLOOR).toPlainString();
    }
}
