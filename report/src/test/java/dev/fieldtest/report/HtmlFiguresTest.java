package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers report.html computes itself (calibration bins, CDF, Pareto front), against hand-worked values. */
class HtmlFiguresTest {
    @Test
    void calibrationBinsOfTheFixtureMatchTheHandWorkedBins() {
        // alpha's confidences: .95 .92 .91 .93 (all pass) in bin 9, .85 .88 (pass) in bin 8, .75 (pass) and .72 (fail) in bin 7
        List<HtmlCalibration.Bin> bins = HtmlCalibration.of(HtmlFixture.rows(), "alpha").bins();
        assertThat(bins).extracting(HtmlCalibration.Bin::index).containsExactly(7, 8, 9);
        assertThat(bins).extracting(HtmlCalibration.Bin::n).containsExactly(2L, 2L, 4L);
        assertThat(bins.get(0).meanConfidence()).isCloseTo(0.735, within(1e-9));
        assertThat(bins.get(0).passRate()).isEqualTo(0.5);
        assertThat(bins.get(2).meanConfidence()).isCloseTo(0.9275, within(1e-9));
        // ECE = Σ share·|pass − confidence| = (2·0.235 + 2·0.135 + 4·0.0725) / 8 = 0.12875, as in summary.json
        double ece = bins.stream().mapToDouble(b -> b.n() / 8.0 * Math.abs(b.passRate() - b.meanConfidence())).sum();
        assertThat(ece).isCloseTo(0.12875, within(1e-9));
        // beta's timeout stated no confidence: 7 calls in bins 4, 5, 6
        assertThat(HtmlCalibration.of(HtmlFixture.rows(), "beta").bins()).extracting(HtmlCalibration.Bin::index).containsExactly(4, 5, 6);
        assertThat(HtmlCalibration.of(HtmlFixture.rows(), "beta").calls()).isEqualTo(7);
    }

    @Test
    void confidenceOneFallsInTheLastBin() {
        assertThat(HtmlCalibration.of(List.of(call("t", 10, true, 1.0)), "t").bins()).extracting(HtmlCalibration.Bin::index).containsExactly(9);
    }

    @Test
    void cdfStepsAtEvenlySpacedRanksAndEndsAtTheMaximum() {
        List<ScoredCall> rows = List.of(call("t", 40, true, null), call("t", 10, true, null), call("t", 30, false, null), call("t", 20, true, null), call("u", 99, true, null));
        assertThat(HtmlRowCharts.cdf(rows, "t", 200)).containsExactly(new double[] {10, 0.25}, new double[] {20, 0.5}, new double[] {30, 0.75}, new double[] {40, 1.0});
        assertThat(HtmlRowCharts.cdf(rows, "t", 2)).containsExactly(new double[] {20, 0.5}, new double[] {40, 1.0});
    }

    @Test
    void paretoFrontKeepsTradeOffsAndDropsDominatedAndUnpricedTargets() {
        var cheap = new HtmlPareto.Point("cheap", 0.001, 0.70, 200.0);
        var good = new HtmlPareto.Point("good", 0.004, 0.90, 300.0);
        var worse = new HtmlPareto.Point("worse", 0.005, 0.85, 300.0); // dominated by good on all three
        var fast = new HtmlPareto.Point("fast", 0.004, 0.90, 100.0); // dominates good: same cost and rate, faster
        var none = new HtmlPareto.Point("none", null, 0.0, null);
        assertThat(HtmlPareto.front(List.of(cheap, good, worse, none))).containsExactly("cheap", "good");
        assertThat(HtmlPareto.front(List.of(cheap, good, worse, fast))).containsExactly("cheap", "fast");
        // the fixture: alpha (0.000114, 87.5%, 170 ms) and beta (0.0000583, 75%, 80 ms) trade off, both on the front
        assertThat(HtmlPareto.front(HtmlTradeoff.points(HtmlFixture.summary()))).containsExactly("alpha", "beta");
    }

    @Test
    void rateColoursRunFromRedThroughYellowToGreen() {
        assertThat(HtmlCharts.rateColor(0)).isEqualTo("#d73027");
        assertThat(HtmlCharts.rateColor(0.5)).isEqualTo("#fee08b");
        assertThat(HtmlCharts.rateColor(1)).isEqualTo("#1a9850");
    }

    private static ScoredCall call(String target, double latency, boolean pass, Double confidence) {
        var o = new Observation(target, "c", 0, List.of(Message.user("q")), "a", null, latency, null, null, 1, 0, null, null, 0, null, null);
        return new ScoredCall("r", o, List.of(), List.of(), pass, confidence);
    }
}
