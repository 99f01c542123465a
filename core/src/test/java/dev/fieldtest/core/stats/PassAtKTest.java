package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {

    @Test
    void handExamples() {
        // n=5, c=2, k=3: every 3-subset of 5 runs misses at most 2 runs, so it holds a pass:
        // pass@3 = 1 − C(3,3)/C(5,3) = 1 − 1/10 = 0.9; pass^3 = C(2,3)/C(5,3) = 0.
        assertThat(PassAtK.passAtK(5, 2, 3)).isCloseTo(0.9, within(1e-15));
        assertThat(PassAtK.passAllK(5, 2, 3)).isEqualTo(0.0);
        // n=5, c=3, k=2: pass@2 = 1 − C(2,2)/C(5,2) = 1 − 1/10; pass^2 = C(3,2)/C(5,2) = 3/10.
        assertThat(PassAtK.passAtK(5, 3, 2)).isCloseTo(0.9, within(1e-15));
        assertThat(PassAtK.passAllK(5, 3, 2)).isCloseTo(0.3, within(1e-15));
        // k = 1 is the plain pass rate.
        assertThat(PassAtK.passAtK(10, 3, 1)).isCloseTo(0.3, within(1e-15));
        assertThat(PassAtK.passAllK(10, 3, 1)).isCloseTo(0.3, within(1e-15));
        // k = n: pass@n is "any passed", pass^n is "all passed".
        assertThat(PassAtK.passAtK(4, 1, 4)).isEqualTo(1.0);
        assertThat(PassAtK.passAtK(4, 0, 4)).isEqualTo(0.0);
        assertThat(PassAtK.passAllK(4, 4, 4)).isEqualTo(1.0);
        assertThat(PassAtK.passAllK(4, 3, 4)).isEqualTo(0.0);
    }

    /** Counts, over every k-subset of n runs whose first c passed, the subsets with a pass / with only passes. */
    @Test
    void matchesBruteForceEnumerationOfAllSubsets() {
        for (int n = 1; n <= 10; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    int passMask = (1 << c) - 1;
                    int subsets = 0;
                    int anyPass = 0;
                    int allPass = 0;
                    for (int mask = 0; mask < (1 << n); mask++) {
                        if (Integer.bitCount(mask) != k) continue;
                        subsets++;
                        if ((mask & passMask) != 0) anyPass++;
                        if ((mask & ~passMask) == 0) allPass++;
                    }
                    assertThat(PassAtK.passAtK(n, c, k)).as("pass@%d of n=%d c=%d", k, n, c)
                            .isCloseTo((double) anyPass / subsets, within(1e-12));
                    assertThat(PassAtK.passAllK(n, c, k)).as("pass^%d of n=%d c=%d", k, n, c)
                            .isCloseTo((double) allPass / subsets, within(1e-12));
                }
            }
        }
    }

    /** Large n and k, where factorials overflow doubles: compare with exact BigInteger binomials. */
    @Test
    void staysAccurateForLargeNAndK() {
        int[][] cases = {{1000, 500, 100}, {1000, 990, 500}, {2000, 3, 1000}, {300, 150, 150}, {5000, 4999, 4000}};
        for (int[] t : cases) {
            int n = t[0], c = t[1], k = t[2];
            BigDecimal none = new BigDecimal(binomial(n - c, k)).divide(new BigDecimal(binomial(n, k)), MathContext.DECIMAL128);
            BigDecimal every = new BigDecimal(binomial(c, k)).divide(new BigDecimal(binomial(n, k)), MathContext.DECIMAL128);
            double expectedAt = BigDecimal.ONE.subtract(none).doubleValue();
            double expectedAll = every.doubleValue();
            assertThat(PassAtK.passAtK(n, c, k)).as("pass@%d n=%d c=%d", k, n, c)
                    .isCloseTo(expectedAt, within(1e-12));
            assertThat(PassAtK.passAllK(n, c, k)).as("pass^%d n=%d c=%d", k, n, c)
                    .isCloseTo(expectedAll, within(Math.max(1e-300, expectedAll * 1e-9)));
        }
    }

    @Test
    void meansLeaveOutCasesRunFewerThanKTimes() {
        // case a: n=5, c=2 -> pass@3 0.9, pass^3 0; case b: n=3, c=3 -> pass@3 1, pass^3 1;
        // case c: n=2 (an interrupted run) has no k=3 estimate and is left out.
        List<Tally> cases = List.of(new Tally(5, 2), new Tally(3, 3), new Tally(2, 0));
        assertThat(PassAtK.meanPassAtK(cases, 3).getAsDouble()).isCloseTo((0.9 + 1.0) / 2, within(1e-15));
        assertThat(PassAtK.meanPassAllK(cases, 3).getAsDouble()).isCloseTo((0.0 + 1.0) / 2, within(1e-15));
        assertThat(PassAtK.eligibleCases(cases, 3)).isEqualTo(2);
        // k = 1 uses all three: (2/5 + 3/3 + 0/2) / 3.
        assertThat(PassAtK.meanPassAtK(cases, 1).getAsDouble()).isCloseTo((0.4 + 1 + 0) / 3, within(1e-15));
        assertThat(PassAtK.eligibleCases(cases, 1)).isEqualTo(3);
        assertThat(PassAtK.meanPassAtK(cases, 6)).isEmpty();
        assertThat(PassAtK.eligibleCases(cases, 6)).isZero();
    }

    @Test
    void reportedKFollowsRepeat() {
        assertThat(PassAtK.reportedK(1)).containsExactly(1);
        assertThat(PassAtK.reportedK(3)).containsExactly(1, 3);
        assertThat(PassAtK.reportedK(4)).containsExactly(1, 3, 4);
        assertThat(PassAtK.reportedK(5)).containsExactly(1, 3, 5);
        assertThat(PassAtK.reportedK(10)).containsExactly(1, 3, 5, 10);
        assertThat(PassAtK.reportedK(20)).containsExactly(1, 3, 5, 10, 20);
        assertThatThrownBy(() -> PassAtK.reportedK(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThatThrownBy(() -> PassAtK.passAtK(5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassAtK.passAtK(5, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassAtK.passAllK(5, 2, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassAtK.passAllK(5, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }
}
