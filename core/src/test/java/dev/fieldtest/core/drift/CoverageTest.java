package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Coverage and k-means on hand-made vectors. */
class CoverageTest {
    @Test
    void nearestGoldenCosineAndTheUncoveredShare() {
        double[][] golden = {{1, 0}, {0, 1}};
        // cosines to the nearest golden vector: (1,0) → 1; (1,1) → 1/√2 = 0.7071068; (−1,0.2) → 0.2/√1.04 = 0.1961161; (−1,−1) → −1/√2
        double[][] production = {{1, 0}, {1, 1}, {-1, 0.2}, {-1, -1}};
        Coverage c = Coverage.of(golden, production, 0.6, 3);
        assertThat(c.n()).isEqualTo(4);
        assertThat(c.uncovered()).isEqualTo(2);
        assertThat(c.uncoveredShare()).isEqualTo(0.5);
        assertThat(c.farthest()).extracting(Coverage.Nearest::production).containsExactly(3, 2, 1);
        assertThat(c.farthest().get(0).cosine()).isCloseTo(-0.7071068, within(1e-6));
        assertThat(c.farthest().get(1).cosine()).isCloseTo(0.1961161, within(1e-6));
        assertThat(c.farthest().get(1).golden()).isEqualTo(1);
        // mean of 1, 0.7071068, 0.1961161, −0.7071068 = 1.1961161/4 = 0.2990290
        assertThat(c.meanNearest()).isCloseTo(0.2990290, within(1e-6));
        // Wilson 95 % of 2/4: (0.5 + 3.8415/8 ± 1.96·sqrt(0.0625 + 3.8415/64)) / (1 + 3.8415/4) = (0.98018 ± 0.68601)/1.96037
        assertThat(c.uncoveredInterval().lo()).isCloseTo(0.15004, within(1e-4));
        assertThat(c.uncoveredInterval().hi()).isCloseTo(0.84996, within(1e-4));
    }

    @Test
    void kMeansSeparatesTwoObviousGroupsTheSameWayEachTime() {
        double[][] p = {{0, 0}, {0.1, 0}, {0, 0.1}, {5, 5}, {5.1, 5}, {5, 5.1}};
        int[] a = KMeans.cluster(p, 2, 1);
        assertThat(a[0]).isEqualTo(a[1]).isEqualTo(a[2]);
        assertThat(a[3]).isEqualTo(a[4]).isEqualTo(a[5]).isNotEqualTo(a[0]);
        assertThat(KMeans.cluster(p, 2, 1)).containsExactly(a);
        assertThat(KMeans.cluster(p, 10, 1)).hasSize(6);
    }
}
