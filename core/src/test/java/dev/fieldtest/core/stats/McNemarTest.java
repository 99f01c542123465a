package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class McNemarTest {
    /**
     * Exact two-sided p = min(1, 2·Σ_{i≤k} C(n,i)/2^n), summed by hand or with exact fractions:
     * 1/9: 2·(1 + 10)/1024; 0/6: 2/64; 3/0: 2/8; 10/30: 2·Σ_{i≤10} C(40,i)/2^40; 5/5: 2·638/1024 capped at 1.
     */
    @ParameterizedTest(name = "a_only={0}, b_only={1} -> p={2}")
    @CsvSource({
            "1, 9, 0.021484375",
            "9, 1, 0.021484375",
            "0, 6, 0.03125",
            "3, 0, 0.25",
            "5, 5, 1",
            "0, 0, 1",
            "10, 30, 0.0022214337732293643",
            "40, 60, 0.05688793364098079",
            "200, 260, 0.005883922473103979",
    })
    void exactPMatchesBinomialSums(long aOnly, long bOnly, double p) {
        assertThat(McNemar.exactP(aOnly, bOnly)).isCloseTo(p, within(p * 1e-9));
    }

    @Test
    void hugeCountsStayFinite() {
        // Equal counts are the centre of the distribution: P(X <= n/2) > 1/2, so p is capped at 1.
        assertThat(McNemar.exactP(500_000, 500_000)).isEqualTo(1.0);
        assertThat(McNemar.exactP(0, 5_000)).isEqualTo(0.0); // 2^-4999 underflows to 0, not NaN
    }

    /**
     * Connor (1987), N = (z_{α/2}·√ψ + z_β·√(ψ − δ²))² / δ², by hand for δ = 0.05, z = 1.959964 and 0.841621:
     * ψ = 0.2: (0.876530 + 0.374025)² / 0.0025 = 625.55 → 626; ψ = 0.1: 311.59 → 312; ψ = 0.5: 1567.4 → 1568.
     * ψ below δ is raised to δ = 0.05: (0.438261 + 0.183435)² / 0.0025 = 154.60 → 155.
     */
    @ParameterizedTest(name = "psi={0} -> N={1}")
    @CsvSource({"0.2, 626", "0.1, 312", "0.5, 1568", "0.05, 155", "0.01, 155", "0, 155"})
    void connorSampleSize(double psi, long n) {
        assertThat(McNemar.pairsToDetect(psi, 0.05)).isEqualTo(n);
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThatThrownBy(() -> McNemar.exactP(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McNemar.pairsToDetect(0.2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> McNemar.pairsToDetect(1.5, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }
}
