package dev.fieldtest.core.stats;

/**
 * The Wilson score interval for a binomial proportion: {@code successes} of {@code n} trials. Unlike the
 * normal ("Wald") interval it stays inside [0, 1] and is sensible for small n and for proportions near 0
 * or 1. Immutable.
 *
 * <p>With p̂ = s/n the bounds are
 * {@code (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)}; the lower bound is exactly 0 when
 * s = 0 and the upper bound exactly 1 when s = n.
 *
 * @param lo lower bound, in [0, 1]
 * @param hi upper bound, in [lo, 1]
 */
public record WilsonInterval(double lo, double hi) {
    /** The two-sided 95 % standard normal quantile, Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;

    public WilsonInterval {
        if (!(0 <= lo && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("need 0 <= lo <= hi <= 1, but were " + lo + ", " + hi);
        }
    }

    /**
     * The 95 % Wilson interval ({@link #Z95}) of {@code successes} of {@code n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n} and {@code n >= 1}
     */
    public static WilsonInterval of(long successes, long n) {
        return of(successes, n, Z95);
    }

    /**
     * The Wilson interval of {@code successes} of {@code n} for the standard normal quantile {@code z}
     * (for example {@link #Z95}).
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n}, {@code n >= 1} and z is finite and
     *                                  positive
     */
    public static WilsonInterval of(long successes, long n, double z) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, but were successes="
                    + successes + ", n=" + n);
        }
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be finite and > 0, but was " + z);
        }
        double nn = n;
        double p = successes / nn;
        double z2 = z * z;
        double denominator = 1 + z2 / nn;
        double center = (p + z2 / (2 * nn)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
        double lo = successes == 0 ? 0 : Math.max(0, center - half);
        double hi = successes == n ? 1 : Math.min(1, center + half);
        return new WilsonInterval(lo, hi);
    }
}
