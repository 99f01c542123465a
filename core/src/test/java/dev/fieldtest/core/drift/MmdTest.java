package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Unbiased MMD² worked by hand on a 1-D example; the median heuristic; the permutation p-value's behaviour. */
class MmdTest {
    private static double[][] points(double... xs) {
        double[][] p = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) p[i] = new double[] {xs[i]};
        return p;
    }

    @Test
    void unbiasedMmd2OfATinyExampleWithSigmaOne() {
        // X = {0,1}, Y = {2,3}, k(d) = exp(−d²/2).
        // XX (i≠j): 2·k(1)/(2·1) = e^−0.5 = 0.6065307;  YY the same = 0.6065307.
        // XY: d = 2,3,1,2 → e^−2 + e^−4.5 + e^−0.5 + e^−2 = 0.1353353+0.0111090+0.6065307+0.1353353 = 0.8883103; ·2/(2·2) = 0.4441551.
        // MMD² = 0.6065307 + 0.6065307 − 0.4441551 = 0.7689062
        Mmd m = Mmd.test(points(0, 1), points(2, 3), 1.0, 0, 1);
        assertThat(m.mmd2()).isCloseTo(0.7689062, within(1e-6));
        assertThat(m.pValue()).isEqualTo(1.0);
    }

    @Test
    void medianHeuristicIsTheMedianPairwiseDistance() {
        // pooled {0,1,2,3}: distances 1,2,3,1,2,1 → sorted 1,1,1,2,2,3 → median (1+2)/2 = 1.5
        assertThat(Mmd.medianDistance(points(0, 1, 2, 3))).isEqualTo(1.5);
        assertThat(Mmd.medianDistance(points(4, 4, 4))).isEqualTo(1.0);
    }

    @Test
    void permutationPValueIsLargeForOneDistributionAndSmallForAShiftedOne() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] a = new double[30][], b = new double[30][], shifted = new double[30][];
        for (int i = 0; i < 30; i++) {
            a[i] = new double[] {r.nextDouble(), r.nextDouble()};
            b[i] = new double[] {r.nextDouble(), r.nextDouble()};
            shifted[i] = new double[] {r.nextDouble() + 2, r.nextDouble()};
        }
        Mmd same = Mmd.test(a, b, 200, 1);
        Mmd far = Mmd.test(a, shifted, 200, 1);
        assertThat(same.pValue()).isGreaterThan(0.05);
        // No permutation reaches a complete separation: p is the smallest value possible, 1/201.
        assertThat(far.pValue()).isCloseTo(1.0 / 201, within(1e-12));
        assertThat(far.mmd2()).isGreaterThan(same.mmd2());
        // Identical sets: MMD²ᵤ is slightly negative (the within-sample sums leave out i = j) and p is large.
        assertThat(Mmd.test(a, a.clone(), 200, 1).pValue()).isGreaterThan(0.5);
    }
}
