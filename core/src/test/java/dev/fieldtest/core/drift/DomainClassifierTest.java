package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The domain classifier's AUC worked by hand, and its behaviour on alike and separable samples. */
class DomainClassifierTest {
    @Test
    void aucIsTheShareOfPairsRankedRightWithTiesAsHalves() {
        // positives 0.9, 0.4; negatives 0.8, 0.4, 0.3. 0.9 beats all three (3); 0.4 loses to 0.8 (0), ties 0.4 (0.5),
        // beats 0.3 (1). (3 + 1.5) / (2·3) = 0.75
        assertThat(DomainClassifier.auc(new double[] {0.9, 0.8, 0.4, 0.4, 0.3}, new boolean[] {true, false, true, false, false})).isEqualTo(0.75);
    }

    @Test
    void separableSetsScoreNearOneAndAlikeSetsNearOneHalf() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] a = new double[80][], b = new double[80][], shifted = new double[80][];
        for (int i = 0; i < 80; i++) {
            a[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
            b[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
            shifted[i] = new double[] {r.nextGaussian() + 4, r.nextGaussian()};
        }
        DomainClassifier far = DomainClassifier.crossValidated(a, shifted, 5, 1);
        assertThat(far.folds()).isEqualTo(5);
        assertThat(far.auc()).isGreaterThan(0.97);
        assertThat(DomainClassifier.crossValidated(a, b, 5, 1).auc()).isBetween(0.35, 0.65);
        assertThat(DomainClassifier.crossValidated(a, new double[][] {{0, 0}}, 5, 1)).isNull();
        assertThat(DomainClassifier.crossValidated(a, new double[][] {{9, 9}, {9, 8}, {8, 9}}, 5, 1).folds()).isEqualTo(3);
    }
}
