package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement statistics against published worked examples and hand-worked tables. */
class AgreementTest {
    static final double NA = Double.NaN;

    /**
     * Cohen's kappa, by hand: 50 items, both raters say yes on 20, rater 1 yes / rater 2 no on 5, no/yes on 10,
     * both no on 15. Observed agreement (20 + 15)/50 = 0.7; rater 1 says yes 25/50, rater 2 30/50, so chance
     * agreement is 0.5·0.6 + 0.5·0.4 = 0.5, and κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
     */
    @Test
    void cohensKappaOfAHandWorked2x2Table() {
        assertThat(Agreement.cohensKappa(new long[][] {{20, 5}, {10, 15}})).isCloseTo(0.4, within(1e-12));
        List<double[]> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) items.add(new double[] {1, 1});
        for (int i = 0; i < 5; i++) items.add(new double[] {1, 0});
        for (int i = 0; i < 10; i++) items.add(new double[] {0, 1});
        for (int i = 0; i < 15; i++) items.add(new double[] {0, 0});
        assertThat(Agreement.cohensKappa(items)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void cohensKappaEdges() {
        assertThat(Agreement.cohensKappa(List.of(new double[] {1, 1}, new double[] {0.5, 0.5}, new double[] {0, 0}))).isEqualTo(1.0);
        // both raters always say the same single category: chance agreement is 1, kappa undefined
        assertThat(Agreement.cohensKappa(List.of(new double[] {1, 1}, new double[] {1, 1}))).isNaN();
        assertThatThrownBy(() -> Agreement.cohensKappa(List.of(new double[] {1, NA})))
                .hasMessageContaining("exactly two ratings per item");
    }

    /**
     * Fleiss' kappa, the worked example in Wikipedia's "Fleiss' kappa" article: 14 raters put 10 items into
     * 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
     */
    static final long[][] FLEISS_EXAMPLE = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

    @Test
    void fleissKappaOfTheWikipediaExample() {
        assertThat(Agreement.fleissKappa(FLEISS_EXAMPLE)).isCloseTo(0.210, within(0.0005));
        // the same data as per-item rating arrays (category j rated as the number j + 1)
        List<double[]> items = new ArrayList<>();
        for (long[] row : FLEISS_EXAMPLE) {
            double[] ratings = new double[14];
            int k = 0;
            for (int j = 0; j < row.length; j++) for (int c = 0; c < row[j]; c++) ratings[k++] = j + 1;
            items.add(ratings);
        }
        assertThat(Agreement.fleissKappa(items)).isCloseTo(Agreement.fleissKappa(FLEISS_EXAMPLE), within(1e-12));
        assertThatThrownBy(() -> Agreement.fleissKappa(List.of(new double[] {1, 2, 3}, new double[] {1, 2})))
                .hasMessageContaining("every item needs 3 ratings, but item 1 has 2");
    }

    /**
     * Krippendorff's alpha, the reliability data of Krippendorff (2011), "Computing Krippendorff's
     * Alpha-Reliability", section C: 4 observers, 12 units, values 1..5 with missing ones (unit 12 has a
     * single value, so it is not pairable). The paper gives α = 0.743 nominal and α = 0.849 interval.
     */
    static final List<double[]> KRIPPENDORFF_2011 = List.of(
            new double[] {1, 1, NA, 1}, new double[] {2, 2, 3, 2}, new double[] {3, 3, 3, 3}, new double[] {3, 3, 3, 3},
            new double[] {2, 2, 2, 2}, new double[] {1, 2, 3, 4}, new double[] {4, 4, 4, 4}, new double[] {1, 1, 2, 1},
            new double[] {2, 2, 2, 2}, new double[] {NA, 5, 5, 5}, new double[] {NA, NA, 1, 1}, new double[] {NA, 3, NA, NA});

    @Test
    void krippendorffsAlphaOfThePublishedExample() {
        assertThat(Agreement.krippendorffAlpha(KRIPPENDORFF_2011)).isCloseTo(0.849, within(0.0005));
        assertThat(Agreement.krippendorffAlphaNominal(KRIPPENDORFF_2011)).isCloseTo(0.743, within(0.0005));
    }

    @Test
    void krippendorffsAlphaIsOneForPerfectAgreementAndIgnoresTheScale() {
        List<double[]> same = List.of(new double[] {1, 1, NA}, new double[] {0.5, 0.5, 0.5}, new double[] {0, NA, 0});
        assertThat(Agreement.krippendorffAlpha(same)).isEqualTo(1.0);
        // interval alpha is unchanged by a linear change of scale, such as raw 1..5 to 0..1 scores
        List<double[]> scaled = KRIPPENDORFF_2011.stream().map(r -> java.util.Arrays.stream(r).map(v -> (v - 1) / 4).toArray()).toList();
        assertThat(Agreement.krippendorffAlpha(scaled)).isCloseTo(Agreement.krippendorffAlpha(KRIPPENDORFF_2011), within(1e-12));
        assertThat(Agreement.krippendorffAlpha(List.of(new double[] {3, 3}, new double[] {3, 3}))).isNaN();
        assertThat(Agreement.krippendorffAlpha(List.of(new double[] {3, NA}))).isNaN();
    }
}
