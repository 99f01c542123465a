package dev.fieldtest.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    /** One repeat of each case: {@code both} pass on both, {@code neither}, then A-only and B-only cases. */
    private static List<List<PairedCall>> sides(int both, int neither, int aOnly, int bOnly) {
        List<PairedCall> a = new ArrayList<>(), b = new ArrayList<>();
        int id = 0;
        int[][] kinds = {{both, 1, 1}, {neither, 0, 0}, {aOnly, 1, 0}, {bOnly, 0, 1}};
        for (int[] k : kinds) {
            for (int i = 0; i < k[0]; i++, id++) {
                String c = String.format("case-%03d", id);
                a.add(new PairedCall(c, 0, null, k[1] == 1));
                b.add(new PairedCall(c, 0, null, k[2] == 1));
            }
        }
        return List.of(a, b);
    }

    @Test
    void bBetterVerdictNamesTheDifferenceItsIntervalAndTheTest() {
        var s = sides(20, 20, 1, 9);
        PairedComparison c = PairedComparison.of(s.get(0), s.get(1));
        assertThat(c.n()).isEqualTo(50);
        assertThat(c.cases()).isEqualTo(50);
        assertThat(c.passRateA()).isEqualTo(21 / 50.0);
        assertThat(c.passRateB()).isEqualTo(29 / 50.0);
        assertThat(c.difference()).isCloseTo(0.16, within(1e-12));
        assertThat(c.mcnemarP()).isCloseTo(0.021484375, within(1e-12));
        // Cluster SE by hand: D = +1 ×9, −1 ×1, 0 ×40 → Σ(D − 0.16)² = 8.72, SE = √(8.72·50/49)/50 = 0.0590.
        assertThat(c.ciLo()).isCloseTo(0.16 - 1.96 * 0.0590, within(0.03));
        assertThat(c.ciHi()).isCloseTo(0.16 + 1.96 * 0.0590, within(0.03));
        assertThat(c.verdict()).isEqualTo(String.format(java.util.Locale.ROOT,
                "B is better by 16.0 points, 95%% CI %.1f–%.1f (McNemar p = 0.021, n = 50)", c.ciLo() * 100, c.ciHi() * 100));
    }

    @Test
    void aBetterIsTheMirrorImage() {
        var s = sides(20, 20, 1, 9);
        String b = PairedComparison.of(s.get(0), s.get(1)).verdict();
        String a = PairedComparison.of(s.get(1), s.get(0)).verdict();
        assertThat(a).startsWith("A is better by 16.0 points").isEqualTo(b.replaceFirst("^B", "A"));
        assertThat(PairedComparison.of(s.get(0), s.get(1)).verdict("small", "large"))
                .isEqualTo(b.replaceFirst("^B is better", "large is better than small"));
        assertThat(PairedComparison.of(s.get(1), s.get(0)).verdict("large", "small"))
                .isEqualTo(b.replaceFirst("^B is better", "large is better than small")); // the winner is named whichever side it is
    }

    @Test
    void tinyPValuesAreShownAsAnUpperBound() {
        var s = sides(20, 8, 0, 12); // p = 2/2^12
        assertThat(PairedComparison.of(s.get(0), s.get(1)).verdict())
                .startsWith("B is better by 30.0 points").endsWith("(McNemar p < 0.001, n = 40)");
    }

    @Test
    void noDifferenceGivesThePairsNeededForFivePoints() {
        var s = sides(20, 20, 5, 5); // ψ = 10/50 = 0.2 → Connor's N = 626 (see McNemarTest)
        PairedComparison c = PairedComparison.of(s.get(0), s.get(1));
        assertThat(c.mcnemarP()).isEqualTo(1.0);
        assertThat(c.ciLo()).isNegative();
        assertThat(c.ciHi()).isPositive();
        assertThat(c.detected()).isFalse();
        assertThat(c.detectableN()).isEqualTo(626);
        assertThat(c.verdict()).isEqualTo("no detectable difference with n = 50; about 626 pairs would detect 5 points");
    }

    @Test
    void noPairsIsSaidPlainly() {
        PairedComparison c = PairedComparison.of(List.of(new PairedCall("x", 0, null, true)), List.of(new PairedCall("x", 1, null, true)));
        assertThat(c.n()).isZero();
        assertThat(c.passRateA()).isNull();
        assertThat(c.ciLo()).isNull();
        assertThat(c.detectableN()).isNull();
        assertThat(c.mcnemarP()).isEqualTo(1.0);
        assertThat(c.verdict()).isEqualTo("no paired calls");
    }

    @Test
    void onlyCallsWithTheSameCaseRepeatAndVariantPair() {
        List<PairedCall> a = List.of(new PairedCall("q", 0, null, true), new PairedCall("q", 1, null, true),
                new PairedCall("q~typos", 0, "typos", false), new PairedCall("r", 0, null, false));
        List<PairedCall> b = List.of(new PairedCall("q", 0, null, false), new PairedCall("q~typos", 0, "typos", true),
                new PairedCall("q~typos", 0, "other", true), new PairedCall("s", 0, null, true));
        PairedComparison c = PairedComparison.of(a, b);
        assertThat(c.n()).isEqualTo(2); // q/0 and q~typos/0/typos
        assertThat(c.cases()).isEqualTo(1); // the variant resamples with the case it came from
        assertThat(c.aOnly()).isEqualTo(1);
        assertThat(c.bOnly()).isEqualTo(1);
    }

    @Test
    void rowOrderDoesNotChangeTheInterval() {
        var s = sides(30, 10, 4, 11);
        List<PairedCall> shuffled = new ArrayList<>(s.get(0));
        Collections.shuffle(shuffled, new java.util.Random(3));
        assertThat(PairedComparison.of(shuffled, s.get(1))).isEqualTo(PairedComparison.of(s.get(0), s.get(1)));
    }

    @Test
    void aFailedCallNeverPassesAndDuplicatesAreRefused() {
        // A row claiming pass: true for a call that timed out: TargetAggregate counts it as failed, so must pairing.
        var o = new Observation("t", "c", 2, List.of(), null, null, 5, null, List.of(), 1, 0, ErrorClass.TIMEOUT, "slow", 0, null, null);
        PairedCall failed = PairedCall.of(new ScoredCall("r", o, List.of(), List.of(), true, null));
        assertThat(failed.pass()).isFalse();
        assertThat(failed.repeat()).isEqualTo(2);
        List<PairedCall> twice = List.of(new PairedCall("c", 0, null, true), new PairedCall("c", 0, null, false));
        assertThatThrownBy(() -> PairedComparison.of(twice, List.of())).hasMessageContaining("two calls for case 'c', repeat 0");
    }
}
