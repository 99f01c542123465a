package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard over real HTTP on loopback, against the runs of {@link RunDirs} whose numbers are known. */
class ServerHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Path root;
    private static DashboardServer server;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("serve-http");
        server = DashboardServer.start(HistoryStore.file(RunDirs.recordAll(root)), InetAddress.getLoopbackAddress(), 0, System.err);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void itListensOnLoopbackOnAFreePort() {
        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");
    }

    @Test
    void theRunListHasEveryRunNewestFirstWithHeadlinesAndTheStrictPolicy() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("script-src");
        assertThat(rowIds(r.body())).containsExactly(RunDirs.LOAD, RunDirs.B, RunDirs.HOSTILE, RunDirs.A);
        assertThat(r.body()).contains("m</span>: 50.0% (n=4)", "m</span>: 75.0% (n=4)", "m</span>: 20 rps max sustained");
        assertThat(rowIds(get("/?suite=capitals").body())).containsExactly(RunDirs.B, RunDirs.A);
        assertThat(rowIds(get("/?suite=none").body())).isEmpty();
    }

    @Test
    void apiRunsGivesTheRecordedNumbers() throws Exception {
        HttpResponse<String> r = get("/api/runs");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode runs = JSON.readTree(r.body());
        assertThat(runs.findValuesAsText("run_id")).containsExactly(RunDirs.LOAD, RunDirs.B, RunDirs.HOSTILE, RunDirs.A);
        JsonNode a = runs.get(3);
        assertThat(a.path("kind").asText()).isEqualTo("run");
        assertThat(a.path("suite").asText()).isEqualTo("capitals");
        assertThat(a.path("started_at").asText()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(a.path("calls").asLong()).isEqualTo(4);
        assertThat(a.path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.5); // 2 of 4
        assertThat(a.path("targets").path("m").path("pass_rate.n").asLong()).isEqualTo(4);
        assertThat(runs.get(0).path("targets").path("m").path("max_sustained_rps").asDouble()).isEqualTo(20.0);
        assertThat(runs.get(2).path("targets").has(RunDirs.IMG)).isTrue();
        assertThat(JSON.readTree(get("/api/runs?suite=capitals").body()).findValuesAsText("run_id")).containsExactly(RunDirs.B, RunDirs.A);
    }

    @Test
    void apiSeriesGivesOnePointPerRunOldestFirst() throws Exception {
        JsonNode s = JSON.readTree(get("/api/series?target=m&metric=pass_rate.value").body());
        assertThat(s.path("target").asText()).isEqualTo("m");
        assertThat(s.path("points").findValuesAsText("run_id")).containsExactly(RunDirs.A, RunDirs.B);
        assertThat(s.path("points").findValues("value")).extracting(JsonNode::asDouble).containsExactly(0.5, 0.75); // 2/4, 3/4
        assertThat(s.path("points").findValuesAsText("started_at")).containsExactly("2026-11-20T09:00:00Z", "2026-11-22T09:00:00Z");
        JsonNode p95 = JSON.readTree(get("/api/series?target=m&metric=latency_ms.p95").body());
        assertThat(p95.path("points").findValues("value")).extracting(JsonNode::asDouble).containsExactly(200.0, 120.0);
        JsonNode hostile = JSON.readTree(get("/api/series?target=" + Uris.encode(RunDirs.IMG) + "&metric=pass_rate.value").body());
        assertThat(hostile.path("points").findValuesAsText("run_id")).containsExactly(RunDirs.HOSTILE);
    }

    @Test
    void badParametersAre400WithAClearMessage() throws Exception {
        HttpResponse<String> missing = get("/api/series?target=m");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("error").asText()).startsWith("missing query parameter metric");
        assertThat(get("/api/series?target=m&metric=x&extra=1").body()).contains("unknown query parameter \\\"extra\\\"");
        assertThat(get("/api/series?target=m&target=n&metric=x").statusCode()).isEqualTo(400);
        assertThat(rawStatus("GET /api/series?target=%zz&metric=x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).isEqualTo(400);
        assertThat(get("/api/series?target=%FF&metric=x").statusCode()).isEqualTo(400); // not UTF-8
        HttpResponse<String> page = get("/metrics?metric=pass_rate.value");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("needs target=");
        assertThat(get("/?colour=red").statusCode()).isEqualTo(400);
        assertThat(get("/runs/" + RunDirs.A + "?x=1").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPathsRunsAndSeriesAre404() throws Exception {
        for (String path : List.of("/nope", "/runs", "/runs/", "/runs/nope", "/api", "/api/runs/extra", "/metrics/x")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> series = get("/api/series?target=m&metric=no.such");
        assertThat(series.statusCode()).isEqualTo(404);
        assertThat(series.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(get("/metrics?target=m&metric=no.such").statusCode()).isEqualTo(404);
        assertThat(get("/metrics?target=nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void noPathFromTheUrlReachesTheFileSystem() throws Exception {
        for (String path : List.of("/runs/..%2F..%2Fetc%2Fpasswd", "/runs/../../etc/passwd", "/runs/%2e%2e", "/runs/..", "/runs/%2Fetc%2Fpasswd",
                "/runs/a%2Freport.html", "/runs/" + RunDirs.A + "/..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fetc%2Fpasswd", "/etc/passwd")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("root:");
        }
    }

    @Test
    void aRunWithReportHtmlIsServedAsWrittenAndOneWithoutGetsTheRecordedSummary() throws Exception {
        HttpResponse<byte[]> a = CLIENT.send(request("/runs/" + RunDirs.A), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(Files.readAllBytes(root.resolve("a/report.html")));
        assertThat(a.headers().firstValue("Content-Security-Policy")).hasValue(RunPage.REPORT_CSP);
        HttpResponse<String> b = get("/runs/" + RunDirs.B);
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.body()).contains("report.html is missing at " + root.resolve("b").toAbsolutePath().resolve("report.html"))
                .contains("<td>m</td><td><a href=\"/metrics?target=m&amp;metric=pass_rate.value\">pass_rate.value</a></td><td class=\"num\">0.75</td>");
        HttpResponse<String> load = get("/runs/" + RunDirs.LOAD);
        assertThat(load.body()).contains("report.html is missing at " + root.resolve("load").toAbsolutePath().resolve("report.html"), "max_sustained_rps</a></td><td class=\"num\">20</td>");
        HttpResponse<String> hostile = get("/runs/" + Uris.encode(RunDirs.HOSTILE)); // the id holds a slash: h%3Ci%3E1%3C%2Fi%3E
        assertThat(hostile.statusCode()).isEqualTo(200);
        assertThat(hostile.body()).contains("h&lt;i&gt;1&lt;/i&gt;", "&lt;script&gt;window.__pwned=1&lt;/script&gt;").doesNotContain(RunDirs.SCRIPT, RunDirs.IMG);
    }

    @Test
    void onlyGetAndHeadAndOnlyLocalHostNames() throws Exception {
        HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(server.url().resolve("/")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(rawStatus("GET / HTTP/1.1\r\nHost: attacker.example:" + server.address().getPort() + "\r\nConnection: close\r\n\r\n")).isEqualTo(421);
        assertThat(rawStatus("GET / HTTP/1.1\r\nHost: localhost:" + server.address().getPort() + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);
    }

    @Test
    void aMissingHistoryIsRefusedAtStartAndIs503WhenItVanishesLater() throws Exception {
        Path nowhere = root.resolve("none/history.duckdb");
        assertThatThrownBy(() -> DashboardServer.start(HistoryStore.file(nowhere), InetAddress.getLoopbackAddress(), 0, System.err))
                .isInstanceOf(HistoryException.class).hasMessageContaining(nowhere + ": no run history here");
        assertThat(Files.exists(nowhere)).isFalse(); // not created
        Path other = Files.createTempDirectory("serve-vanish");
        Path db = RunDirs.recordAll(other);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (DashboardServer s = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            Files.move(db, other.resolve("moved.duckdb"));
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(s.url()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("no run history here");
        }
    }

    @Test
    void aHistoryFromANewerFieldtestIsA503PageAndRefusedAtStart() throws Exception {
        Path other = Files.createTempDirectory("serve-newer");
        Path db = RunDirs.recordAll(other);
        int newer = dev.fieldtest.history.RunHistory.supportedSchemaVersion() + 1;
        try (DashboardServer s = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err)) {
            try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var st = c.createStatement()) {
                st.execute("INSERT INTO schema_migrations VALUES (" + newer + ", TIMESTAMP '2030-01-01 00:00:00')");
            }
            HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(s.url()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("schema version " + newer + " is newer than this fieldtest supports", "upgrade fieldtest");
            HttpResponse<String> api = CLIENT.send(HttpRequest.newBuilder(s.url().resolve("/api/runs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(api.body()).path("status").asInt()).isEqualTo(503);
        }
        assertThatThrownBy(() -> DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err))
                .isInstanceOf(HistoryException.class).hasMessageContaining("is newer than this fieldtest supports");
    }

    @Test
    void theFileIsFreeBetweenRequestsSoARunCanBeRecordedWhileServing() throws Exception {
        Path other = Files.createTempDirectory("serve-record");
        Path db = RunDirs.recordAll(other);
        try (DashboardServer s = DashboardServer.start(HistoryStore.file(db), InetAddress.getLoopbackAddress(), 0, System.err)) {
            assertThat(CLIENT.send(HttpRequest.newBuilder(s.url()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            Path c = RunDirs.run(other.resolve("c"), "20261124-090000-dddd", "capitals", "m", "2026-11-24T09:00:00Z", 4, 4, 90.0);
            try (var h = dev.fieldtest.history.RunHistory.open(db)) { // would wait and fail if the server held the file
                h.recordRunDirectory(c);
            }
            String runs = CLIENT.send(HttpRequest.newBuilder(s.url().resolve("/api/runs")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(JSON.readTree(runs).findValuesAsText("run_id")).startsWith("20261124-090000-dddd").hasSize(5);
        }
    }

    static List<String> rowIds(String html) {
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<tr data-run-id=\"([^\"]*)\"").matcher(html);
        while (m.find()) ids.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">"));
        return ids;
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static int rawStatus(String request) throws Exception {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String first = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(first.substring(9, 12));
        }
    }
}
