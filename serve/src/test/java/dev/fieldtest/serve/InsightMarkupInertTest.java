package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Production traffic whose input, error, feature and model names are full of markup (script, img onerror, svg onload,
 * javascript: links, textarea and title breakouts) is shown escaped on /production, /ledger, /reviews and /drift.
 */
class InsightMarkupInertTest {
    static final String PAYLOAD = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> \"><svg onload=window.__pwned=1> "
            + "[click](javascript:window.__pwned=1) <a href=\"javascript:window.__pwned=1\">link</a> </textarea><script>window.__pwned=1</script> "
            + "</title><script>document.title='pwned'</script> <iframe src=\"javascript:window.__pwned=1\"></iframe> <b onmouseover=window.__pwned=1>x</b>";
    /** What any part of the payload would look like had it been written unescaped. */
    private static final List<String> RAW = List.of("<script>window", "<img src=x", "<svg onload", "<a href=\"javascript:", "</textarea>",
            "<script>document.title", "<iframe", "<b onmouseover", "onerror=\"window");

    @Test
    void productionLedgerReviewsAndDriftShowMarkupAsText() throws Exception {
        Path root = Files.createTempDirectory("serve-markup");
        Path db = root.resolve("history.duckdb");
        Path suite = InsightFixtures.suite(root);
        try (RunHistory h = RunHistory.open(db)) {
            List<ProductionSpan> spans = new ArrayList<>();
            for (int i = 0; i < 3; i++) spans.add(span("m" + i, "2026-11-18T0" + (i + 1) + ":00:00Z", i == 2 ? PAYLOAD : null));
            h.production().add(spans);
            h.ledger().addClaims(List.of(Claim.of(PAYLOAD, "openai", PAYLOAD, PAYLOAD, "error_rate", 0.01, PAYLOAD, LocalDate.parse("2026-11-03"))));
            h.ledger().putFeature(new LedgerFeature(PAYLOAD, LocalDate.parse("2026-10-05"), PAYLOAD, suite.toString(), InsightFixtures.SUITE));
        }
        try (DashboardServer server = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err,
                ProductionSettings.defaults(), new DriftSource(suite, InsightFixtures.EMBED, "fake-2d", 0.6))) {
            for (String path : List.of("/production", "/production?window=week", "/ledger", "/reviews?today=2026-11-18", "/drift")) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain(RAW).contains("&lt;svg onload=window.__pwned=1&gt;");
            }
        }
    }

    /** A production call of the hostile feature on the hostile model; its user message is the payload too. */
    private static ProductionSpan span(String id, String at, String error) {
        String messages = "[{\"role\":\"user\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(PAYLOAD) + "}]";
        String hex = Integer.toHexString(id.hashCode() & 0xffffff);
        return new ProductionSpan("00" + hex, "0" + hex, PAYLOAD, "chat", "openai", PAYLOAD, PAYLOAD, PAYLOAD, null, Instant.parse(at), 50.0, null,
                null, null, List.of(), error, messages, messages.replace("\"user\"", "\"assistant\""), null, "{}");
    }
}
