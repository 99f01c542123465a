package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.history.MetricPoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** URL coding and the metric chart's time axis, against values worked out by hand. */
class UrisAndChartTest {
    @Test
    void segmentsAreSplitBeforeDecodingSoAnEncodedSlashStaysInItsSegment() {
        assertThat(Uris.segments("/")).isEmpty();
        assertThat(Uris.segments("/runs/..%2F..%2Fetc%2Fpasswd")).containsExactly("runs", "../../etc/passwd");
        assertThat(Uris.segments("/runs/a+b%20c")).containsExactly("runs", "a+b c"); // '+' is literal in a path
        assertThat(Uris.encode("h<i>1</i> €")).isEqualTo("h%3Ci%3E1%3C%2Fi%3E%20%E2%82%AC"); // € is E2 82 AC in UTF-8
        assertThat(Uris.segments("/" + Uris.encode("h<i>1</i> €"))).containsExactly("h<i>1</i> €");
    }

    @Test
    void queriesDecodePlusAsSpaceAndRefuseUnknownRepeatedOrMalformedParameters() {
        assertThat(Uris.query("target=a+b&metric=x%2Ey", Set.of("target", "metric"))).containsEntry("target", "a b").containsEntry("metric", "x.y");
        assertThatThrownBy(() -> Uris.query("colour=red", Set.of("suite"))).hasMessage("unknown query parameter \"colour\"; this page takes suite");
        assertThatThrownBy(() -> Uris.query("suite=a&suite=b", Set.of("suite"))).hasMessage("query parameter \"suite\" is given twice; give it once");
        assertThatThrownBy(() -> Uris.query("suite=%4", Set.of("suite"))).hasMessageContaining("% must be followed by two hex digits");
        assertThatThrownBy(() -> Uris.query("suite=%C3", Set.of("suite"))).hasMessage("\"%C3\" does not decode as UTF-8"); // a lead byte alone
    }

    @Test
    void aThirtyMinuteSpanIsDrawnInMinutesAndATenDaySpanInDays() {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        String minutes = MetricChart.figure("m", "latency_ms.p95", List.of(new MetricPoint("r1", t0, 100), new MetricPoint("r2", t0.plusSeconds(1800), 50)));
        assertThat(minutes).contains(">minutes since 2026-11-20 09:00:00 UTC<");
        // x axis 0..30 min (step 10 → max 30): r2 at 62 + 424 = 486.0; y axis 0..100 (step 20): r2 at 16 + 240·(1 − 50/100) = 136.0
        assertThat(circles(minutes)).containsExactly("62.0,16.0", "486.0,136.0");
        String days = MetricChart.figure("m", "cost_usd.total", List.of(new MetricPoint("r1", t0, 1), new MetricPoint("r2", t0.plusSeconds(10 * 86400), 1)));
        assertThat(days).contains(">days since 2026-11-20 09:00:00 UTC<");
    }

    @Test
    void onlyAMetricNamedLikeARateWithValuesInZeroToOneGetsThePercentAxis() {
        List<MetricPoint> half = List.of(new MetricPoint("r", null, 0.5));
        assertThat(MetricChart.isRate("pass_rate.value", half)).isTrue();
        assertThat(MetricChart.isRate("slices.easy.pass_rate", half)).isTrue();
        assertThat(MetricChart.isRate("pass_rate.n", List.of(new MetricPoint("r", null, 4)))).isFalse();
        assertThat(MetricChart.isRate("latency_ms.p95", half)).isFalse();
        String noStart = MetricChart.figure("m", "pass_rate.value", half);
        assertThat(noStart).doesNotContain("<svg").contains("1 point(s) without a start time or with a negative value are in the table only");
    }

    private static List<String> circles(String html) {
        Matcher m = Pattern.compile("<circle class=\"pt\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1) + "," + m.group(2));
        return out;
    }
}
