package dev.fieldtest.core.stats;

import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * A mergeable distribution of durations given in milliseconds, kept in an HdrHistogram of whole
 * microseconds with {@value #SIGNIFICANT_DIGITS} significant digits (auto-resizing, so no upper bound need
 * be known in advance).
 *
 * <p>A duration is rounded to the nearest microsecond when recorded. Percentiles follow HdrHistogram: the
 * value at percentile p is the smallest recorded value such that at least p % of recorded values are ≤ it
 * (nearest rank), reported as the upper end of its bucket, so it is within 0.1 % (plus the microsecond
 * rounding) of the exact nearest-rank value. {@link #maxMs()} is reported the same way. Not thread-safe.
 */
public final class LatencyHistogram {
    /** HdrHistogram precision: relative bucket width below 10^-3. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    /** An empty histogram. */
    public LatencyHistogram() {
        this(new Histogram(SIGNIFICANT_DIGITS));
    }

    private LatencyHistogram(Histogram histogram) {
        this.histogram = histogram;
    }

    /**
     * Records one duration.
     *
     * @throws IllegalArgumentException when {@code ms} is negative, NaN or infinite; nothing is then recorded
     */
    public void recordMs(double ms) {
        checkMs(ms);
        histogram.recordValue(Math.round(ms * 1000.0));
    }

    /** Adds every duration {@code other} recorded; {@code other} is unchanged. */
    public void merge(LatencyHistogram other) {
        histogram.add(other == this ? other.histogram.copy() : other.histogram);
    }

    /** A copy that evolves independently of this one. */
    public LatencyHistogram copy() {
        return new LatencyHistogram(histogram.copy());
    }

    /** Durations recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /**
     * The duration in ms at {@code percentile} (0 < percentile ≤ 100, e.g. 99.0); empty when nothing was
     * recorded.
     */
    public OptionalDouble percentileMs(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], but was " + percentile);
        }
        if (count() == 0) return OptionalDouble.empty();
        return OptionalDouble.of(histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    /** The longest duration recorded, in ms, to HdrHistogram's precision; empty when nothing was recorded. */
    public OptionalDouble maxMs() {
        if (count() == 0) return OptionalDouble.empty();
        return OptionalDouble.of(histogram.getMaxValue() / 1000.0);
    }

    static void checkMs(double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException("a duration must be finite and >= 0 ms, but was " + ms);
        }
    }
}
