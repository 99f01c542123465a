package dev.fieldtest.core.stats;

import dev.fieldtest.core.config.Defaults;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How well stated confidence matches how often calls pass: a mergeable accumulator of the expected
 * calibration error (ECE) and the Brier score.
 *
 * <p>Confidence is split into {@link #BINS} ({@value Defaults#CALIBRATION_BINS}) equal-width bins
 * [0, 0.1), [0.1, 0.2), …, [0.9, 1.0], 1.0 falling in the last bin (see {@link #bin}).
 * ECE = Σ<sub>bins</sub> (bin count / n) · |accuracy in bin − mean confidence in bin|, which equals
 * Σ<sub>bins</sub> |passes in bin − sum of confidence in bin| / n. Brier = mean of (confidence − pass)²,
 * pass being 1 or 0. Both are over the calls added, n of them; empty when n = 0.
 *
 * <p>Confidence sums and squared errors are kept exactly (as {@link BigDecimal} sums of the doubles given),
 * so the result does not depend on the order calls were added or merged. Not thread-safe.
 */
public final class Calibration {
    /** Number of equal-width confidence bins. */
    public static final int BINS = Defaults.CALIBRATION_BINS;

    private final long[] count = new long[BINS];
    private final long[] passes = new long[BINS];
    private final BigDecimal[] confidenceSum = new BigDecimal[BINS];
    private BigDecimal squaredErrorSum = BigDecimal.ZERO;
    private long n;

    /** An empty accumulator. */
    public Calibration() {
        Arrays.fill(confidenceSum, BigDecimal.ZERO);
    }

    /**
     * The bin of a confidence: bin b holds [b/10, (b+1)/10), where b/10 is the double nearest to b/10 (so
     * the literal {@code 0.3} lands in bin 3), and 1.0 lands in the last bin.
     *
     * @throws IllegalArgumentException unless {@code 0 <= confidence <= 1}
     */
    public static int bin(double confidence) {
        checkConfidence(confidence);
        int b = (int) Math.floor(confidence * BINS);
        b = Math.max(0, Math.min(BINS - 1, b));
        // confidence * BINS is rounded; settle edge cases against the same edges a user would write down.
        while (b < BINS - 1 && confidence >= edge(b + 1)) b++;
        while (b > 0 && confidence < edge(b)) b--;
        return b;
    }

    /**
     * Counts one call that stated {@code confidence} and passed or not.
     *
     * @throws IllegalArgumentException unless {@code 0 <= confidence <= 1}; the accumulator is then unchanged
     */
    public void add(double confidence, boolean pass) {
        int b = bin(confidence);
        BigDecimal c = new BigDecimal(confidence);
        BigDecimal error = pass ? c.subtract(BigDecimal.ONE) : c;
        count[b]++;
        if (pass) passes[b]++;
        confidenceSum[b] = confidenceSum[b].add(c);
        squaredErrorSum = squaredErrorSum.add(error.multiply(error));
        n++;
    }

    /** Adds everything {@code other} counted to this accumulator; {@code other} is unchanged. */
    public void merge(Calibration other) {
        BigDecimal[] otherSums = other.confidenceSum.clone();
        long[] otherCount = other.count.clone();
        long[] otherPasses = other.passes.clone();
        for (int b = 0; b < BINS; b++) {
            count[b] += otherCount[b];
            passes[b] += otherPasses[b];
            confidenceSum[b] = confidenceSum[b].add(otherSums[b]);
        }
        BigDecimal otherSquared = other.squaredErrorSum;
        long otherN = other.n;
        squaredErrorSum = squaredErrorSum.add(otherSquared);
        n += otherN;
    }

    /** A copy that evolves independently of this one. */
    public Calibration copy() {
        Calibration c = new Calibration();
        c.merge(this);
        return c;
    }

    /** Calls counted: the sample size of {@link #ece()} and {@link #brier()}. */
    public long n() {
        return n;
    }

    /** The expected calibration error in [0, 1]; empty when no call was counted. */
    public OptionalDouble ece() {
        if (n == 0) return OptionalDouble.empty();
        BigDecimal gap = BigDecimal.ZERO;
        for (int b = 0; b < BINS; b++) {
            gap = gap.add(BigDecimal.valueOf(passes[b]).subtract(confidenceSum[b]).abs());
        }
        return OptionalDouble.of(gap.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue());
    }

    /** The Brier score in [0, 1]; empty when no call was counted. */
    public OptionalDouble brier() {
        if (n == 0) return OptionalDouble.empty();
        return OptionalDouble.of(squaredErrorSum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue());
    }

    /** Calls counted in bin {@code b} (0-based). */
    public long binCount(int b) {
        return count[b];
    }

    /** Share of calls in bin {@code b} that passed; empty when the bin is empty. */
    public OptionalDouble binAccuracy(int b) {
        return count[b] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passes[b] / count[b]);
    }

    /** Mean stated confidence in bin {@code b}; empty when the bin is empty. */
    public OptionalDouble binMeanConfidence(int b) {
        if (count[b] == 0) return OptionalDouble.empty();
        return OptionalDouble.of(confidenceSum[b].divide(BigDecimal.valueOf(count[b]), MathContext.DECIMAL128)
                .doubleValue());
    }

    static void checkConfidence(double confidence) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], but was " + confidence);
        }
    }

    private static double edge(int b) {
        return (double) b / BINS;
    }
}
