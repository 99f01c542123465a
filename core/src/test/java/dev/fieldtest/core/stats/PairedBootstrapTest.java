package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
    @Test
    void everyCaseBetterForBGivesTheDegenerateIntervalOne() {
        int[] pairs = {3, 3, 3, 2, 1};
        assertThat(PairedBootstrap.ci95(pairs.clone(), pairs)).containsExactly(1.0, 1.0);
    }

    @Test
    void balancedCasesGiveAnIntervalAroundZero() {
        int[] diff = {1, -1, 1, -1, 2, -2, 0, 0, 3, -3};
        int[] pairs = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
        double[] ci = PairedBootstrap.ci95(diff, pairs);
        assertThat(ci[0]).isNegative();
        assertThat(ci[1]).isPositive();
        // Mirrored cases: the resampled differences are symmetric in distribution, so the interval nearly is.
        assertThat(ci[0] + ci[1]).isCloseTo(0, within(0.03));
    }

    @Test
    void sameInputSameInterval() {
        int[] diff = {1, 0, 2, -1, 1, 0, 0, 3};
        int[] pairs = {3, 3, 3, 3, 3, 3, 3, 3};
        assertThat(PairedBootstrap.ci95(diff, pairs)).containsExactly(PairedBootstrap.ci95(diff, pairs));
    }

    /**
     * Independent check: on 600 synthetic cases of 3 correlated repeats each, the percentile interval's width
     * is close to 2·1.96·SE, SE from the cluster (ratio-estimator) formula
     * SE² = C/(C−1)·Σ(D_i − d̂·m_i)² / N². Tolerance 5 %: the Monte Carlo error of each 2.5/97.5 % endpoint at
     * R = 10,000 is about 0.027·SE (√(0.025·0.975/R)/φ(1.96)), so the width's is about 1 %, and at 600
     * cases the distribution of d̂ is close to normal.
     */
    @Test
    void widthMatchesTheClusterStandardError() {
        Random random = new Random(7);
        int cases = 600;
        int[] diff = new int[cases];
        int[] pairs = new int[cases];
        for (int i = 0; i < cases; i++) {
            double easy = random.nextDouble(); // a case's difficulty drives both targets and all repeats
            pairs[i] = 3;
            for (int r = 0; r < 3; r++) {
                boolean a = random.nextDouble() < easy * 0.9;
                boolean b = random.nextDouble() < Math.min(1, easy * 1.05);
                diff[i] += (b ? 1 : 0) - (a ? 1 : 0);
            }
        }
        long sumD = Arrays.stream(diff).sum();
        long n = Arrays.stream(pairs).sum();
        double d = (double) sumD / n;
        double ss = 0;
        for (int i = 0; i < cases; i++) ss += Math.pow(diff[i] - d * pairs[i], 2);
        double se = Math.sqrt(ss * cases / (cases - 1.0)) / n;
        double[] ci = PairedBootstrap.ci95(diff, pairs);
        assertThat(ci[1] - ci[0]).isCloseTo(2 * 1.959964 * se, within(0.05 * 2 * 1.959964 * se));
        assertThat((ci[0] + ci[1]) / 2).isCloseTo(d, within(0.1 * se));
    }
}
