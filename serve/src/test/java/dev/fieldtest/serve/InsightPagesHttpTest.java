package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /production, /ledger, /reviews, /drift and their JSON over real HTTP, on {@link InsightFixtures}' history; every number below is
 * worked by hand from the fixture. Latency percentiles are HdrHistogram's (3 significant digits, microseconds): a recorded value
 * reads back as the highest value of its bucket — 100 000 µs lies where buckets are 64 µs wide, so 1562·64 + 63 = 100 031 µs.
 */
class InsightPagesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static DashboardServer server, plain;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("serve-insight");
        Path db = InsightFixtures.record(root);
        server = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err, ProductionSettings.defaults(),
                new DriftSource(root.resolve("suite.yaml"), InsightFixtures.EMBED, "fake-2d", 0.6));
        plain = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (plain != null) plain.close();
    }

    @Test
    void productionShowsEachFeatureModelDayWithHandComputedNumbers() throws Exception {
        HttpResponse<String> r = get(server, "/production?feature=support&window=day");
        assertThat(r.statusCode()).isEqualTo(200);
        // calls, error rate (errors), throttle rate, p50/p95/p99 ms, n ok, TTFT p50/p95, TTFT n, tokens in/out, cost, USD/call, priced.
        // Day 16: successes 100, 200, 300 ms → p50 is the 2nd (200 000 µs, 128 µs buckets: 1562·128 + 127 = 200 063), p95 and p99 the 3rd
        // (300 000 µs, 256 µs buckets: 1171·256 + 255 = 300 031); TTFT 60 000 µs (32 µs buckets: exact + 31) and 70 000 µs (64 µs: 1093·64 + 63).
        // Day 17: 400 and 600 ms → p50 the 1st (1562·256 + 255 = 400 127), p95 the 2nd (1171·512 + 511 = 600 063).
        assertThat(rows(r.body(), "production")).containsExactly(
                "support gpt-4o-2024-08-06 2026-11-16 4 25.0% (1) 25.0% (1) 200.063 300.031 300.031 3 60.031 70.015 3 30 15 0.003 0.001 3",
                "support gpt-4o-2024-11-20 2026-11-17 2 0.0% (0) 0.0% (0) 400.127 600.063 600.063 2 – – 0 0 0 – – 0");
        assertThat(rows(r.body(), "changes")).containsExactly(
                "2026-11-17 10:00:00 UTC support gpt-4o response_model gpt-4o-2024-08-06 gpt-4o-2024-11-20 " + spanKey("a5"));
        // 2 of 4 passed: Wilson 95 % for 2/4 is 0.5 ± 0.349961 → 15.0 % – 85.0 %.
        assertThat(rows(r.body(), "scores")).containsExactly("support-suite support gpt-4o-2024-08-06 2026-11-16 4 2 50.0% 15.0% – 85.0% tone 2");
        // Chart: x = days since 2026-11-16 on a 0..2 axis over 554 px from 62; y = 0..800 ms over 240 px from 16 (top).
        assertThat(r.body()).contains("cx=\"62.0\" cy=\"166.0\"", "cx=\"339.0\" cy=\"76.0\"") // 300.031 → 16 + 240·(1 − 300.031/800) = 165.99; 600.063 → 75.98
                .contains("<line class=\"mark\" x1=\"454.4\""); // the change at 1 + 10/24 days → 62 + 277·1.416667
    }

    @Test
    void weeklyWindowsGroupBothDaysIntoTheWeekOfMonday16() throws Exception {
        List<String> rows = rows(get(server, "/production?feature=support&window=week").body(), "production");
        assertThat(rows).hasSize(2).allMatch(s -> s.contains(" 2026-11-16 "));
    }

    @Test
    void apiProductionGivesTheSameNumbers() throws Exception {
        JsonNode o = JSON.readTree(get(server, "/api/production?feature=support").body());
        assertThat(o.path("window").asText()).isEqualTo("day");
        JsonNode first = o.path("rows").get(0);
        assertThat(first.path("calls").asLong()).isEqualTo(4);
        assertThat(first.path("error_rate").asDouble()).isEqualTo(0.25);
        assertThat(first.path("throttle_rate").asDouble()).isEqualTo(0.25);
        assertThat(first.path("latency_ms_p95").asDouble()).isEqualTo(300.031);
        assertThat(first.path("cost_usd_per_call").asDouble()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(o.path("changes").get(0).path("to").asText()).isEqualTo("gpt-4o-2024-11-20");
        JsonNode pr = o.path("pass_rates").get(0);
        assertThat(pr.path("n").asLong()).isEqualTo(4);
        assertThat(pr.path("ci95_lo").asDouble()).isCloseTo(0.150039, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pr.path("ci95_hi").asDouble()).isCloseTo(0.849961, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void ledgerShowsClaimOfflineProductionDeltasAndRealisation() throws Exception {
        HttpResponse<String> r = get(server, "/ledger?feature=support&metric=pass_rate.value");
        assertThat(r.statusCode()).isEqualTo(200);
        String gap = section(r.body(), "gap-0");
        assertThat(rows(gap, null)).contains(
                "2026-11-01 0.9 – vendor blog",
                "r1 2026-11-09 10:00:00 UTC t 0.8 0.7 – 0.9 50 +0.1",      // claimed − offline = 0.9 − 0.8
                "r2 2026-11-16 10:00:00 UTC t 0.75 0.65 – 0.85 50 +0.15",  // 0.9 − 0.75
                "2026-11-16 0.5 0.150039 – 0.849961 4 +0.25");             // online 2/4 in the week of 16 Nov; 0.75 − 0.5
        // The leave-one-out realisation is gpt-4o-mini's 0.6 ÷ 0.8 = 0.75, so a 0.9 claim is expected at 0.675.
        assertThat(gap).contains("claimed − offline +0.15; offline − production +0.25", "realised 0.75× (n=1 claim, range 0.75–0.75); expect 0.675 for this 0.9 claim");
        // Over both claims: √(0.75/0.9 · 0.6/0.8) = √0.625 = 0.790569.
        assertThat(rows(r.body(), "realisation")).containsExactly("openai pass_rate.value 2 0.790569 0.75 – 0.833333");
        // Chart: days since 2026-11-01 on a 0..20 axis (27.7 px a day from 62), y 0..1: claim 0.9 at y 40.0, r1 at 8.416667 days → 295.1, 64.0.
        assertThat(gap).contains("class=\"level\" x1=\"62\" y1=\"40.0\"", "cx=\"295.1\" cy=\"64.0\"", "cx=\"477.5\" cy=\"136.0\"");
        JsonNode api = JSON.readTree(get(server, "/api/ledger?feature=support").body());
        assertThat(api).hasSize(1);
        assertThat(api.get(0).path("claimed_minus_offline").asDouble()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(api.get(0).path("production").get(0).path("value").asDouble()).isEqualTo(0.5);
        assertThat(api.get(0).path("realisation").path("expected").asDouble()).isCloseTo(0.675, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(JSON.readTree(get(server, "/api/ledger?model=GPT-4O-MINI").body()).get(0).path("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void reviewsShowDueOverdueSignedAndStatus() throws Exception {
        HttpResponse<String> r = get(server, "/reviews?today=2026-11-18");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> rows = rows(r.body(), null);
        // Launch 2026-10-05: week4 + 28 days = 2026-11-02 (past: overdue); quarterly + 91 = 2027-01-04; week12 + 84 = 2026-12-28, signed.
        assertThat(rows).anyMatch(s -> s.startsWith("accurate targets.*.pass_rate.value ≥ 0.7 Ana week4 2026-11-02 overdue – r2: t pass 0.75"))
                .anyMatch(s -> s.startsWith("accurate targets.*.pass_rate.value ≥ 0.7 Ana quarterly 2027-01-04 upcoming"))
                .anyMatch(s -> s.startsWith("fast targets.*.latency_ms.p95 ≤ 100 Bo week12 2026-12-28 signed Bo: ok r2: t fail 150"));
        // Production over the 7 days to 2026-11-18: 2 of 4 scored spans passed, 0.5 < 0.7.
        assertThat(rows.stream().filter(s -> s.contains("week4")).findFirst().orElseThrow()).contains("fail 0.5");
        assertThat(r.body()).contains("No suite recorded");
    }

    @Test
    void driftComparesTheSuitesCasesWithProductionInputs() throws Exception {
        HttpResponse<String> r = get(server, "/drift?feature=support&since=2026-11-16&until=2026-11-17");
        assertThat(r.statusCode()).isEqualTo(200);
        // Production repeats the three golden texts twice each: every distribution equals the golden one, so PSI, JS and W1 are 0.
        assertThat(rows(r.body(), "descriptors")).hasSize(5).allMatch(s -> s.matches("\\S+ \\S+ .* 0 \\S+ 0 (0|–) stable"));
        assertThat(r.body()).contains("3 golden inputs, 6 production inputs");
        // Lengths 18, 13 and 17 characters: golden deciles of 3 values are the 1st, 2nd and 3rd value (ranks ⌈i·3/10⌉), so the bins are
        // ≤ 13, (13, 17], (17, 18], > 18 with golden 1, 1, 1, 0 of 3 and production 2, 2, 2, 0 of 6. The y axis ends at 40 % (1/3 rounded up):
        // a third is 136·(1/3)/0.4 = 113.3 px high.
        String chars = r.body().substring(r.body().indexOf("<svg id=\"chart-length_chars\""));
        chars = chars.substring(0, chars.indexOf("</svg>"));
        assertThat(chars).contains("<title>&lt;= 13: golden 1 of 3 (33.3%)</title>", "<title>&lt;= 13: production 2 of 6 (33.3%)</title>",
                "<title>(17, 18]: production 2 of 6 (33.3%)</title>", "<title>&gt; 18: golden 0 of 3 (0.0%)</title>");
        assertThat(Pattern.compile("height=\"113\\.3\"").matcher(chars).results().count()).isEqualTo(6);
        // Golden set changed 2026-11-10T00:00Z (its mtime); the newest input 2026-11-17T11:00Z is 7 + 11/24 = 7.45833 days later.
        assertThat(r.body()).contains("(file-mtime)", "7.45833 days behind the newest, 100.0% of production inputs newer");
        // Every support input embeds like a golden case (cosine 1): 0 of 6 uncovered, Wilson 95 % upper bound z²/(6 + z²) = 39.0 %.
        assertThat(r.body()).contains("uncovered: 0 of 6 (0.0%, 95% interval 0.0% – 39.0%) below cosine 0.6");
        String none = get(plain, "/drift").body();
        assertThat(none).contains("started without a suite");
    }

    @Test
    void badParametersAre400WithWhatToGive() throws Exception {
        assertThat(get(server, "/production?window=month").statusCode()).isEqualTo(400);
        assertThat(get(server, "/production?window=month").body()).contains("window=day or window=week");
        assertThat(get(server, "/api/production?x=1").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get(server, "/api/production?x=1").body()).path("status").asInt()).isEqualTo(400);
        assertThat(get(server, "/ledger?vendor=openai").statusCode()).isEqualTo(400);
        assertThat(get(server, "/reviews?today=2026-13-01").statusCode()).isEqualTo(400);
        assertThat(get(server, "/reviews?today=2026-13-01").body()).contains("give a UTC date like 2026-11-28");
        assertThat(get(server, "/drift?since=yesterday").statusCode()).isEqualTo(400);
        assertThat(get(server, "/drift?since=2026-11-20&until=2026-11-10").statusCode()).isEqualTo(400);
        assertThat(get(plain, "/drift?until=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void hostileStringsAreEscapedOnEveryPage() throws Exception {
        for (String path : List.of("/production", "/production?window=week", "/ledger", "/reviews?today=2026-11-18", "/drift")) {
            String body = get(server, path).body();
            assertThat(body).as(path).doesNotContain("<script>", "<img").contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
        }
    }

    private static String spanKey(String id) {
        String hex = Integer.toHexString(id.hashCode() & 0xffffff);
        return "00" + hex + "/0" + hex;
    }

    private static HttpResponse<String> get(DashboardServer s, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of each body row of the table with that id (every table when null), cells joined by one space. */
    static List<String> rows(String html, String tableId) {
        String scope = html;
        if (tableId != null) {
            int at = html.indexOf("<table id=\"" + tableId + "\"");
            assertThat(at).as("table " + tableId).isNotNegative();
            scope = html.substring(at, html.indexOf("</table>", at));
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(scope);
        while (m.find()) {
            if (m.group(1).contains("<th>")) continue;
            out.add(m.group(1).replaceAll("</td><td[^>]*>", " ").replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<").trim());
        }
        return out;
    }

    private static String section(String html, String id) {
        int at = html.indexOf("<section class=\"gap\" id=\"" + id + "\"");
        assertThat(at).isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }
}
