package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /**
     * Ten calls (confidence, passed):
     * <pre>
     * bin 9 [0.9,1.0]: (0.90,T) (1.00,T) (0.95,T) (0.95,F)  acc 3/4 = 0.75, mean conf 3.8/4 = 0.95
     *                  weight 4/10 · |0.75 − 0.95| = 0.4 · 0.2   = 0.080
     * bin 5 [0.5,0.6): (0.50,T) (0.50,F)                   acc 0.5, conf 0.5  -> 0.2 · 0     = 0.000
     * bin 3 [0.3,0.4): (0.30,T)                            acc 1, conf 0.3    -> 0.1 · 0.7   = 0.070
     * bin 2 [0.2,0.3): (0.20,F) (0.25,F)                   acc 0, conf 0.225  -> 0.2 · 0.225 = 0.045
     * bin 1 [0.1,0.2): (0.10,T)                            acc 1, conf 0.1    -> 0.1 · 0.9   = 0.090
     *                                                                             ECE = 0.285
     * Brier: (0.1² + 0² + 0.05² + 0.95² + 0.5² + 0.5² + 0.7² + 0.2² + 0.25² + 0.9²) / 10
     *      = (0.01 + 0 + 0.0025 + 0.9025 + 0.25 + 0.25 + 0.49 + 0.04 + 0.0625 + 0.81) / 10 = 2.8175 / 10 = 0.28175
     * </pre>
     */
    @Test
    void handWorkedEceAndBrier() {
        Calibration c = new Calibration();
        c.add(0.90, true);
        c.add(1.00, true);
        c.add(0.95, true);
        c.add(0.95, false);
        c.add(0.50, true);
        c.add(0.50, false);
        c.add(0.30, true);
        c.add(0.20, false);
        c.add(0.25, false);
        c.add(0.10, true);

        assertThat(c.n()).isEqualTo(10);
        assertThat(c.ece().getAsDouble()).isCloseTo(0.285, within(1e-12));
        assertThat(c.brier().getAsDouble()).isCloseTo(0.28175, within(1e-12));
        assertThat(c.binCount(9)).isEqualTo(4);
        assertThat(c.binAccuracy(9).getAsDouble()).isEqualTo(0.75);
        assertThat(c.binMeanConfidence(9).getAsDouble()).isCloseTo(0.95, within(1e-15));
        assertThat(c.binCount(2)).isEqualTo(2);
        assertThat(c.binCount(3)).isEqualTo(1);
        assertThat(c.binCount(0)).isZero();
        assertThat(c.binAccuracy(0)).isEmpty();
    }

    @Test
    void perfectAndWorstCalibration() {
        Calibration perfect = new Calibration();
        perfect.add(1.0, true);
        perfect.add(0.0, false);
        assertThat(perfect.ece().getAsDouble()).isZero();
        assertThat(perfect.brier().getAsDouble()).isZero();

        Calibration worst = new Calibration();
        worst.add(1.0, false);
        worst.add(0.0, true);
        assertThat(worst.ece().getAsDouble()).isEqualTo(1.0);
        assertThat(worst.brier().getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void emptyHasNoValues() {
        Calibration c = new Calibration();
        assertThat(c.n()).isZero();
        assertThat(c.ece()).isEmpty();
        assertThat(c.brier()).isEmpty();
    }

    @Test
    void binEdgesAreTheDecimalsAUserWrites() {
        for (int b = 0; b <= 9; b++) {
            double edge = b / 10.0;
            assertThat(Calibration.bin(edge)).as("bin of %s", edge).isEqualTo(b);
            if (b > 0) assertThat(Calibration.bin(Math.nextDown(edge))).as("bin below %s", edge).isEqualTo(b - 1);
        }
        assertThat(Calibration.bin(0.3)).isEqualTo(3);
        assertThat(Calibration.bin(0.7)).isEqualTo(7);
        assertThat(Calibration.bin(0.1 + 0.2)).isEqualTo(3); // 0.30000000000000004
        assertThat(Calibration.bin(1.0)).isEqualTo(9);
        assertThat(Calibration.bin(0.0)).isEqualTo(0);
        assertThat(Calibration.bin(0.99999)).isEqualTo(9);
    }

    @Test
    void rejectsConfidenceOutsideTheUnitInterval() {
        Calibration c = new Calibration();
        assertThatThrownBy(() -> c.add(1.01, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.add(-0.01, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.add(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.n()).isZero();
    }

    /** A direct, textbook computation (weights × |accuracy − confidence|) over random calls. */
    @Test
    void agreesWithTextbookComputation() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(300);
            double[] conf = new double[n];
            boolean[] pass = new boolean[n];
            Calibration c = new Calibration();
            for (int i = 0; i < n; i++) {
                conf[i] = random.nextInt(5) == 0 ? random.nextInt(11) / 10.0 : random.nextDouble();
                pass[i] = random.nextDouble() < conf[i] * 0.8 + 0.1;
                c.add(conf[i], pass[i]);
            }
            double ece = 0;
            double brier = 0;
            for (int b = 0; b < 10; b++) {
                double lo = b / 10.0;
                double hi = (b + 1) / 10.0;
                int count = 0;
                double correct = 0;
                double confidence = 0;
                for (int i = 0; i < n; i++) {
                    boolean in = conf[i] >= lo && (b == 9 ? conf[i] <= 1.0 : conf[i] < hi);
                    if (!in) continue;
                    count++;
                    correct += pass[i] ? 1 : 0;
                    confidence += conf[i];
                }
                if (count > 0) ece += (double) count / n * Math.abs(correct / count - confidence / count);
            }
            for (int i = 0; i < n; i++) brier += Math.pow(conf[i] - (pass[i] ? 1 : 0), 2) / n;
            assertThat(c.ece().getAsDouble()).isCloseTo(ece, within(1e-12));
            assertThat(c.brier().getAsDouble()).isCloseTo(brier, within(1e-12));
        }
    }
}
