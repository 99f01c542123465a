package dev.fieldtest.core.stats;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls of one tag (a slice of the suite): its name and tally. Immutable.
 */
public record Slice(String name, Tally tally) {
    public Slice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tally, "tally");
    }

    /**
     * The worst slice: the one with the lowest pass rate among slices with at least {@code minN} calls
     * (summary.json uses {@link dev.fieldtest.core.config.Defaults#WORST_SLICE_MIN_N}); when no slice has that
     * many, the lowest among all slices. Ties go to the slice with more calls, then to the name first in
     * {@link String#compareTo} order. Pass rates are compared exactly (as fractions). Empty slices (n = 0)
     * are ignored; empty when there is no slice with calls.
     */
    public static Optional<Slice> worst(Map<String, Tally> slices, int minN) {
        Slice worst = pick(slices, minN);
        return Optional.ofNullable(worst != null ? worst : pick(slices, 1));
    }

    private static Slice pick(Map<String, Tally> slices, int minN) {
        Slice worst = null;
        for (Map.Entry<String, Tally> e : slices.entrySet()) {
            Tally t = e.getValue();
            if (t.n() < Math.max(1, minN)) continue;
            Slice candidate = new Slice(e.getKey(), t);
            if (worst == null || worse(candidate, worst)) worst = candidate;
        }
        return worst;
    }

    /** True when {@code a} ranks before {@code b}: lower pass rate, then larger n, then smaller name. */
    private static boolean worse(Slice a, Slice b) {
        Tally x = a.tally;
        Tally y = b.tally;
        // x.passes/x.n < y.passes/y.n  <=>  x.passes*y.n < y.passes*x.n (n > 0); exact in 128 bits
        int byRate = compareProducts(x.passes(), y.n(), y.passes(), x.n());
        if (byRate != 0) return byRate < 0;
        if (x.n() != y.n()) return x.n() > y.n();
        return a.name.compareTo(b.name) < 0;
    }

    private static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2) return Long.compare(hi1, hi2);
        return Long.compareUnsigned(a * b, c * d);
    }
}
