package dev.fieldtest.core.stats;

import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * pass@k and pass^k from n runs of a case of which c passed, and their means over cases.
 *
 * <ul>
 *   <li>pass@k = 1 − C(n−c, k) / C(n, k): the probability that at least one of k runs drawn without
 *       replacement from the n passes (the unbiased estimator of Chen et al., 2021).</li>
 *   <li>pass^k = C(c, k) / C(n, k): the probability that all k runs drawn without replacement pass.</li>
 * </ul>
 *
 * <p>Both are computed as products of k ratios, C(a, k)/C(n, k) = ∏<sub>i&lt;k</sub> (a−i)/(n−i), each in
 * [0, 1], never from factorials or binomials, so they stay accurate for large n and k. A case run fewer than
 * k times has no estimate for that k: {@link #meanPassAtK} and {@link #meanPassAllK} leave it out, and
 * {@link #eligibleCases} says how many cases were averaged. Stateless.
 */
public final class PassAtK {
    /** The k reported in summary.json besides the suite's repeat itself. */
    public static final List<Integer> STANDARD_K = List.of(1, 3, 5, 10);

    private PassAtK() {}

    /**
     * 1 − C(n−c, k)/C(n, k).
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double passAtK(long n, long c, long k) {
        check(n, c, k);
        if (n - c < k) return 1.0;
        return 1.0 - ratioOfBinomials(n - c, n, k);
    }

    /**
     * C(c, k)/C(n, k).
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double passAllK(long n, long c, long k) {
        check(n, c, k);
        if (c < k) return 0.0;
        return ratioOfBinomials(c, n, k);
    }

    /**
     * The mean of {@link #passAtK} over the cases with {@code n >= k}, in the collection's iteration order;
     * empty when no case was run k times.
     */
    public static OptionalDouble meanPassAtK(Collection<Tally> cases, int k) {
        return mean(cases, k, false);
    }

    /**
     * The mean of {@link #passAllK} over the cases with {@code n >= k}, in the collection's iteration order;
     * empty when no case was run k times.
     */
    public static OptionalDouble meanPassAllK(Collection<Tally> cases, int k) {
        return mean(cases, k, true);
    }

    /** How many cases were run at least k times: the sample size of the k-means. */
    public static int eligibleCases(Collection<Tally> cases, int k) {
        int count = 0;
        for (Tally t : cases) {
            if (t.n() >= k) count++;
        }
        return count;
    }

    /**
     * The k summary.json reports for a suite run {@code repeat} times per case: {1, 3, 5, 10, repeat}
     * restricted to k ≤ repeat, ascending, without duplicates.
     *
     * @throws IllegalArgumentException when {@code repeat < 1}
     */
    public static SortedSet<Integer> reportedK(int repeat) {
        if (repeat < 1) throw new IllegalArgumentException("repeat must be >= 1, but was " + repeat);
        SortedSet<Integer> ks = new TreeSet<>();
        for (int k : STANDARD_K) {
            if (k <= repeat) ks.add(k);
        }
        ks.add(repeat);
        return ks;
    }

    private static OptionalDouble mean(Collection<Tally> cases, int k, boolean all) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, but was " + k);
        double sum = 0;
        int count = 0;
        for (Tally t : cases) {
            if (t.n() < k) continue;
            sum += all ? passAllK(t.n(), t.passes(), k) : passAtK(t.n(), t.passes(), k);
            count++;
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
    }

    /** C(a, k)/C(n, k) for 0 <= k <= a <= n, as ∏_{i<k} (a−i)/(n−i). */
    private static double ratioOfBinomials(long a, long n, long k) {
        double product = 1.0;
        for (long i = 0; i < k && product > 0; i++) {
            product *= (double) (a - i) / (double) (n - i);
        }
        return product;
    }

    private static void check(long n, long c, long k) {
        if (c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= k <= n, but were n=" + n + ", c=" + c
                    + ", k=" + k);
        }
    }
}
