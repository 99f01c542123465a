package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonIntervalTest {
    private static final double Z = 1.959963984540054;

    /**
     * Published 95 % Wilson ("score method without continuity correction") intervals: Newcombe, "Two-sided
     * confidence intervals for the single proportion", Statistics in Medicine 17 (1998), Table II, plus the
     * 8-of-10 example of the brief.
     */
    @ParameterizedTest(name = "{0} of {1} -> [{2}, {3}]")
    @CsvSource({
            "8, 10, 0.4902, 0.9433",
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718",
            "1, 10, 0.0179, 0.4042",
            "0, 10, 0.0000, 0.2775",
            "10, 10, 0.7225, 1.0000",
    })
    void matchesPublishedValues(long s, long n, double lo, double hi) {
        WilsonInterval ci = WilsonInterval.of(s, n);
        assertThat(ci.lo()).isCloseTo(lo, within(0.00005));
        assertThat(ci.hi()).isCloseTo(hi, within(0.00005));
    }

    @Test
    void noSuccessesAndAllSuccessesHaveClosedForms() {
        // s = 0: the centre and half-width are both (z²/2n)/(1+z²/n), so lo = 0 and hi = z²/(n+z²).
        // s = n: by symmetry lo = n/(n+z²) and hi = 1.
        for (int n = 1; n <= 200; n++) {
            double z2 = Z * Z;
            WilsonInterval none = WilsonInterval.of(0, n);
            assertThat(none.lo()).isEqualTo(0.0);
            assertThat(none.hi()).isCloseTo(z2 / (n + z2), within(1e-14));
            WilsonInterval all = WilsonInterval.of(n, n);
            assertThat(all.lo()).isCloseTo(n / (n + z2), within(1e-14));
            assertThat(all.hi()).isEqualTo(1.0);
        }
    }

    /** The roots of the quadratic (p̂ − p)² = z² p(1−p)/n, written out differently from the production code. */
    @Test
    void agreesWithTheQuadraticRootFormula() {
        for (long n : new long[] {1, 2, 3, 7, 10, 31, 100, 999, 12_345, 1_000_000}) {
            for (long s = 0; s <= n; s += Math.max(1, n / 97)) {
                double root = Z * Math.sqrt(Z * Z + 4.0 * s * (n - s) / n);
                double denominator = 2 * (n + Z * Z);
                double lo = (2.0 * s + Z * Z - root) / denominator;
                double hi = (2.0 * s + Z * Z + root) / denominator;
                WilsonInterval ci = WilsonInterval.of(s, n);
                assertThat(ci.lo()).as("lo of %d/%d", s, n).isCloseTo(Math.max(0, lo), within(1e-12));
                assertThat(ci.hi()).as("hi of %d/%d", s, n).isCloseTo(Math.min(1, hi), within(1e-12));
                double p = (double) s / n;
                assertThat(ci.lo()).isLessThanOrEqualTo(p);
                assertThat(ci.hi()).isGreaterThanOrEqualTo(p);
            }
        }
    }

    @Test
    void otherConfidenceLevels() {
        // 90 %: z = 1.6448536269514722; 8 of 10 by the quadratic formula gives [0.5408, 0.9314].
        WilsonInterval ci = WilsonInterval.of(8, 10, 1.6448536269514722);
        assertThat(ci.lo()).isCloseTo(0.5408, within(0.00005));
        assertThat(ci.hi()).isCloseTo(0.9314, within(0.00005));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> WilsonInterval.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(1, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
