package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HtmlSummaryTest {
    @Test
    void summaryRowsShowTheHandWorkedFigures() {
        String table = HtmlSummary.targets(HtmlFixture.summary());
        // alpha: 7 of 8 pass; Wilson 95% for 7/8 = [0.5291, 0.9776]; per case 2/2, 2/2, 1/2, 2/2 → pass@2 = 1, pass^2 = 3/4;
        // latencies 100..170 ms; cost 8 × $0.0001 ÷ 7 passes = $0.000114
        assertThat(table).contains("<td class=\"num pass-rate\">87.5% (52.9%–97.8%)</td>", "<td class=\"num\">100.0%</td><td class=\"num\">75.0%</td>",
                "<td class=\"num\">130 / 170 / 170 ms</td><td class=\"num\">$0.000114</td><td class=\"num\">0</td><td class=\"num\">0</td>");
        // beta: 6 of 8; Wilson [0.4093, 0.9285]; per case 2/2, 1/2, 2/2, 1/2 → pass^2 = 1/2; $0.00035 ÷ 6 = $0.0000583; 1 error, 2 throttled
        assertThat(table).contains("75.0% (40.9%–92.9%)", "<td class=\"num\">100.0%</td><td class=\"num\">50.0%</td>",
                "<td class=\"num\">$0.0000583</td><td class=\"num\">1</td><td class=\"num\">2</td>");
    }

    @Test
    void intervalBarSpansTheIntervalOnAHundredFortyPixelScale() {
        // 5 + 140 × 0.529113 = 79.1; 140 × (0.977582 − 0.529113) = 62.8; dot at 5 + 140 × 0.875 = 127.5
        String bar = HtmlSummary.intervalBar(HtmlFixture.summary().path("targets").path("alpha").path("pass_rate"));
        assertThat(bar).contains("<rect class=\"ci\" x=\"79.1\" y=\"4\" width=\"62.8\"", "<circle cx=\"127.5\"");
    }

    @Test
    void headerAndOptionalSectionsEscapeEveryString() {
        var s = HtmlFixture.summary();
        assertThat(HtmlSummary.header(s)).contains("fieldtest: support &lt;desk&gt;</h1>", "not verdicts.", "20261129-093500-abcd")
                .doesNotContain("<desk>");
        assertThat(HtmlSections.paired(s)).contains("<td>alpha</td><td>beta</td>", "-12.5 pts (-45.0 pts to +20.0 pts)", "1.000", "1200",
                "No detectable difference between alpha and &lt;beta&gt;");
        assertThat(HtmlSections.properties(s)).contains("<tr class=\"status-fail\"><td>billing answers</td>", "&lt;b&gt;ops&lt;/b&gt;", "<td>week4, quarterly</td>").doesNotContain("<b>");
    }

    @Test
    void theHeaderSaysHowManyCallsTheResponseCacheAnsweredPerTargetEscaped() {
        ObjectNode s = (ObjectNode) HtmlFixture.summary();
        assertThat(HtmlSummary.header(s)).doesNotContain("id=\"cached\""); // no target has cached_calls
        ((ObjectNode) s.path("targets").path("alpha")).put("cached_calls", 8);
        ((ObjectNode) s.path("targets").path("beta")).put("cached_calls", 0);
        ObjectNode odd = ((ObjectNode) s.path("targets")).putObject("<i>x</i>").put("calls", 4).put("cached_calls", 3);
        assertThat(odd.path("cached_calls").asLong()).isEqualTo(3);
        assertThat(HtmlSummary.header(s)).contains("<p class=\"cached\" id=\"cached\">Answered from the response cache: alpha 8 of 8 calls, "
                + "&lt;i&gt;x&lt;/i&gt; 3 of 4 calls").doesNotContain("beta 0", "<i>x</i>");
    }

    @Test
    void optionalSectionsAreAbsentWithoutTheirData() {
        ObjectNode s = (ObjectNode) HtmlFixture.summary();
        s.remove("paired");
        s.remove("properties");
        assertThat(HtmlSections.paired(s)).isEmpty();
        assertThat(HtmlSections.properties(s)).isEmpty();
        assertThat(new HtmlReporter().render(s, HtmlFixture.rows(), null)).doesNotContain("id=\"paired\"", "id=\"properties\"", "id=\"load\"");
    }

    @Test
    void aRunWithNoCallsStillGivesAPageThatSaysWhatIsMissing() throws Exception {
        var s = new ObjectMapper().readTree("{\"run_id\": \"r\", \"status\": \"aborted\", \"abort_reason\": \"Ctrl-C\", \"repeat\": 1,"
                + " \"targets\": {\"m\": {\"calls\": 0, \"pass_rate\": {\"value\": null, \"ci95\": null, \"n\": 0}, \"cost_usd\": {\"per_success\": null}}}}");
        String page = new HtmlReporter().render(s, java.util.List.of(), null);
        assertThat(page).contains("<strong>Aborted:</strong> Ctrl-C", "No case has tags", "No call stated a confidence", "No call succeeded",
                "Not plotted (nothing passed, so no cost per success): m", "\"rows\":[]");
    }

    @Test
    void aSliceOneTargetLacksIsAGreyDashCell() throws Exception {
        ObjectNode s = (ObjectNode) HtmlFixture.summary();
        ((ObjectNode) s.path("targets").path("beta").path("slices")).remove("shipping");
        String heatmap = HtmlCharts.heatmap(s);
        assertThat(heatmap.split("<rect class=\"cell\"", -1)).hasSize(4 + 1); // still targets × slices
        assertThat(heatmap).contains("fill=\"#eee\"", "beta · shipping: not measured (n=0)");
    }

    @Test
    void thePageFetchesNothingAndAllowsOnlyItsOwnScriptAndStyle() throws Exception {
        String page = new HtmlReporter().render(HtmlFixture.summary(), HtmlFixture.rows(), new ObjectMapper().readTree("{\"targets\": []}"));
        assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "//fonts", "<img", "<link", " src=\"");
        assertThat(page).contains("content=\"default-src 'none'; script-src 'sha256-").doesNotContain("unsafe-inline");
        assertThat(page).doesNotContain(HtmlFixture.HOSTILE, "<script>window.__pwned");
    }
}
