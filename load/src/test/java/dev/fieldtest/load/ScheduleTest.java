package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Schedules against the moments of the distributions they claim, with tolerances worked out from the sample size. */
class ScheduleTest {
    private static final int N = 200_000;

    private static double[] intervalsSeconds(Schedule s, int n) {
        var it = s.offsets();
        long prev = it.nextLong();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long t = it.nextLong();
            out[i] = (t - prev) / 1e9;
            prev = t;
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    @Test
    void constantRateOffsetsAreExact() {
        assertThat(new Schedule.ConstantRate(4).offsetsBefore(2_000_000_000L, 100))
                .containsExactly(0, 250_000_000, 500_000_000, 750_000_000, 1_000_000_000, 1_250_000_000, 1_500_000_000, 1_750_000_000);
        // 3 rps: round(i · 10⁹ / 3), no drift after many sends.
        long[] third = new Schedule.ConstantRate(3).offsetsBefore(Long.MAX_VALUE, 30_001);
        assertThat(third[1]).isEqualTo(333_333_333L);
        assertThat(third[2]).isEqualTo(666_666_667L);
        assertThat(third[30_000]).isEqualTo(10_000_000_000_000L); // 30 000 sends at 3 rps: 10 000 s
        assertThat(new Schedule.ConstantRate(1000).offsetsBefore(1_000_000_000L, 10_000)).hasSize(1000);
        assertThat(new Schedule.ConstantRate(1000).offsetsBefore(1_000_000_000L, 7)).hasSize(7);
    }

    @Test
    void poissonIntervalsHaveMeanOneOverRateAndVarianceOneOverRateSquared() {
        double rps = 50;
        double[] x = intervalsSeconds(new Schedule.Poisson(rps, 42), N);
        double mu = 1 / rps;
        // Exponential: sd of the mean is mu/sqrt(n); the sample variance has variance (μ4 − σ⁴)/n = (9 − 1)σ⁴/n.
        double meanTolerance = 5 * mu / Math.sqrt(N);
        double sigma2 = mu * mu;
        double varTolerance = 5 * Math.sqrt(8 * sigma2 * sigma2 / N);
        assertThat(mean(x)).isBetween(mu - meanTolerance, mu + meanTolerance);
        assertThat(variance(x)).isBetween(sigma2 - varTolerance, sigma2 + varTolerance);
    }

    @Test
    void sameSeedSameOffsetsDifferentSeedDifferentOffsets() {
        assertThat(new Schedule.Poisson(10, 7).offsetsBefore(Long.MAX_VALUE, 1000))
                .containsExactly(new Schedule.Poisson(10, 7).offsetsBefore(Long.MAX_VALUE, 1000));
        assertThat(new Schedule.Poisson(10, 7).offsetsBefore(Long.MAX_VALUE, 1000))
                .isNotEqualTo(new Schedule.Poisson(10, 8).offsetsBefore(Long.MAX_VALUE, 1000));
        Schedule g = new Schedule.Gamma(10, 0.5, 3);
        assertThat(g.offsetsBefore(Long.MAX_VALUE, 1000)).containsExactly(g.offsetsBefore(Long.MAX_VALUE, 1000));
    }

    @Test
    void gammaWithShapeHalfIsBurstierThanPoissonWithTheSameMean() {
        double rps = 20, k = 0.5;
        double[] x = intervalsSeconds(new Schedule.Gamma(rps, k, 11), N);
        double mu = 1 / rps;
        // Gamma(k, θ): variance kθ², so sd of the mean = sqrt(k)θ/sqrt(n) with θ = mu/k.
        double theta = mu / k;
        double meanTolerance = 5 * Math.sqrt(k) * theta / Math.sqrt(N);
        assertThat(mean(x)).isBetween(mu - meanTolerance, mu + meanTolerance);
        // CV = sqrt(1/k) = 1.41421.
        double cv = Math.sqrt(variance(x)) / mean(x);
        assertThat(cv).isBetween(Math.sqrt(1 / k) * (1 - cvTolerance(k)), Math.sqrt(1 / k) * (1 + cvTolerance(k)));
        // k = 4: more regular than Poisson, CV 0.5.
        double[] y = intervalsSeconds(new Schedule.Gamma(rps, 4, 11), N);
        assertThat(Math.sqrt(variance(y)) / mean(y)).isBetween(0.5 * (1 - cvTolerance(4)), 0.5 * (1 + cvTolerance(4)));
    }

    /**
     * Five standard errors of the sample CV, relative: the sample sd's relative error is about ½·sqrt((κ − 1)/n)
     * with kurtosis κ = 3 + 6/k for a gamma, and the sample mean's is CV/sqrt(n); bounded by their sum.
     */
    private static double cvTolerance(double k) {
        return 5 * (0.5 * Math.sqrt((2 + 6 / k) / N) + Math.sqrt(1 / k) / Math.sqrt(N));
    }

    @Test
    void spikeSendsAtTheSpikeRateInsideTheWindowAndTheBaseRateOutside() {
        var s = new Schedule.Spike(10, 100, Duration.ofSeconds(2), Duration.ofSeconds(1));
        long[] all = s.offsetsBefore(5_000_000_000L, 10_000);
        long before = java.util.Arrays.stream(all).filter(t -> t < 2_000_000_000L).count();
        long inside = java.util.Arrays.stream(all).filter(t -> t >= 2_000_000_000L && t < 3_000_000_000L).count();
        long after = java.util.Arrays.stream(all).filter(t -> t >= 3_000_000_000L).count();
        assertThat(before).isEqualTo(20);
        assertThat(inside).isEqualTo(100);
        assertThat(after).isEqualTo(20);
        assertThat(all).contains(2_000_000_000L, 2_010_000_000L, 3_000_000_000L, 3_100_000_000L);
        for (int i = 1; i < all.length; i++) assertThat(all[i]).isGreaterThan(all[i - 1]);
        assertThat(s.offeredRps(Duration.ofSeconds(5))).isEqualTo((10 * 4 + 100) / 5.0);
        // A spike at the very start.
        long[] early = new Schedule.Spike(10, 100, Duration.ZERO, Duration.ofMillis(500)).offsetsBefore(1_000_000_000L, 10_000);
        assertThat(early).hasSize(50 + 5);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Schedule.ConstantRate(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Gamma(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Poisson(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
