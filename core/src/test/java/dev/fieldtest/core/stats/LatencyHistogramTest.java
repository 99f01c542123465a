package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    /** 3 significant digits: bucket width below 1/1000 of the value, plus 0.5 µs from rounding to µs. */
    private static double tolerance(double ms) {
        return ms * 1e-3 + 0.0005;
    }

    @Test
    void oneToAHundredMilliseconds() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 100; ms >= 1; ms--) h.recordMs(ms);
        // nearest rank over 1..100: the p-th percentile is p ms.
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentileMs(50).getAsDouble()).isCloseTo(50, within(tolerance(50)));
        assertThat(h.percentileMs(90).getAsDouble()).isCloseTo(90, within(tolerance(90)));
        assertThat(h.percentileMs(95).getAsDouble()).isCloseTo(95, within(tolerance(95)));
        assertThat(h.percentileMs(99).getAsDouble()).isCloseTo(99, within(tolerance(99)));
        assertThat(h.maxMs().getAsDouble()).isCloseTo(100, within(tolerance(100)));
    }

    @Test
    void smallDurationsAreExactToTheMicrosecond() {
        LatencyHistogram h = new LatencyHistogram();
        h.recordMs(0.25);
        h.recordMs(1.5);
        h.recordMs(2.0);
        // below 2048 µs HdrHistogram's buckets are 1 µs wide
        assertThat(h.percentileMs(50).getAsDouble()).isEqualTo(1.5);
        assertThat(h.percentileMs(1).getAsDouble()).isEqualTo(0.25);
        assertThat(h.maxMs().getAsDouble()).isCloseTo(2.0, within(0.002));
    }

    @Test
    void nearestRankOfRandomLogNormalLatencies() {
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            int n = 1 + random.nextInt(5000);
            double[] values = new double[n];
            LatencyHistogram h = new LatencyHistogram();
            for (int i = 0; i < n; i++) {
                values[i] = Math.exp(5 + 1.5 * random.nextGaussian()); // ~150 ms median, long tail
                h.recordMs(values[i]);
            }
            Arrays.sort(values);
            for (double p : new double[] {50, 90, 95, 99, 100}) {
                int rank = (int) Math.ceil(p / 100 * n); // nearest rank, 1-based
                double exact = values[Math.max(1, rank) - 1];
                assertThat(h.percentileMs(p).getAsDouble()).as("p%s of %d values", p, n)
                        .isCloseTo(exact, within(tolerance(exact)));
            }
            assertThat(h.maxMs().getAsDouble()).isCloseTo(values[n - 1], within(tolerance(values[n - 1])));
        }
    }

    @Test
    void mergesAcrossVeryDifferentRanges() {
        LatencyHistogram small = new LatencyHistogram();
        LatencyHistogram large = new LatencyHistogram();
        small.recordMs(1);
        large.recordMs(3_600_000); // an hour
        small.merge(large);
        assertThat(small.count()).isEqualTo(2);
        assertThat(small.maxMs().getAsDouble()).isCloseTo(3_600_000, within(tolerance(3_600_000)));
        assertThat(large.count()).isEqualTo(1);
        small.merge(small);
        assertThat(small.count()).isEqualTo(4);
    }

    @Test
    void emptyAndInvalid() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileMs(50)).isEmpty();
        assertThat(h.maxMs()).isEmpty();
        assertThatThrownBy(() -> h.recordMs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.recordMs(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.recordMs(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.percentileMs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.count()).isZero();
    }
}
