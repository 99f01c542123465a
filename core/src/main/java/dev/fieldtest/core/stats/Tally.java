package dev.fieldtest.core.stats;

/**
 * A count of calls and how many of them passed, for one case or one slice. Immutable.
 *
 * @param n      calls counted, {@code >= 0}
 * @param passes calls that passed, {@code 0 <= passes <= n}
 */
public record Tally(long n, long passes) {
    public Tally {
        if (n < 0 || passes < 0 || passes > n) {
            throw new IllegalArgumentException("need 0 <= passes <= n, but were passes=" + passes + ", n=" + n);
        }
    }

    /** {@code passes / n}; NaN when {@code n == 0}. */
    public double passRate() {
        return (double) passes / n;
    }

    /** The Wilson score interval at 95 % for this tally's pass rate. */
    public WilsonInterval ci95() {
        return WilsonInterval.of(passes, n);
    }
}
