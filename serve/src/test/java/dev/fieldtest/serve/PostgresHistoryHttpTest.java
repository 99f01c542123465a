package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.PostgresServer;
import dev.fieldtest.history.RunHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over a PostgreSQL history on a real throwaway server ({@link PostgresServer}), over real HTTP: the
 * run list, a run recorded by another process while the dashboard holds its connection, a dropped connection that the
 * next request reopens, and /production over spans POSTed to /v1/traces. The password travels in the location and
 * must appear in no page and no log line.
 */
class PostgresHistoryHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir Path root;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /** A fresh database, as the location a user would type with the password in it. */
    private static String withPassword(String url) {
        return url.replace(PostgresServer.USER + "@", PostgresServer.USER + ":" + PostgresServer.shared().password() + "@");
    }

    private DashboardServer start(HistoryStore store) throws Exception {
        server = DashboardServer.start(store, InetAddress.getLoopbackAddress(), 0, new PrintStream(log, true, StandardCharsets.UTF_8));
        return server;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRunListOfAPostgresHistoryHasTheRecordedRunsAndTheirNumbers() throws Exception {
        String url = PostgresServer.shared().newDatabaseUrl();
        HistoryStore store = HistoryStore.parse(withPassword(url));
        RunDirs.recordAll(root, store);
        start(store);

        JsonNode runs = JSON.readTree(get("/api/runs").body());
        assertThat(runs.findValuesAsText("run_id")).containsExactly(RunDirs.LOAD, RunDirs.B, RunDirs.HOSTILE, RunDirs.A);
        assertThat(runs.get(3).path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.5); // A: 2 of 4 passed
        assertThat(runs.get(3).path("calls").asLong()).isEqualTo(4);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("m</span>: 50.0% (n=4)", "m</span>: 75.0% (n=4)", "m</span>: 20 rps max sustained");
        assertThat(get("/runs/nope").body()).contains("is recorded in " + url).doesNotContain(PostgresServer.shared().password());
    }

    @Test
    void aRunRecordedByAnotherProcessShowsOnTheNextRequestAndADroppedConnectionIsReopened() throws Exception {
        String url = PostgresServer.shared().newDatabaseUrl();
        HistoryStore store = HistoryStore.parse(withPassword(url));
        start(store);
        assertThat(JSON.readTree(get("/api/runs").body())).isEmpty();

        // Another fieldtest records while the dashboard holds its connection: PostgreSQL admits both.
        Path c = RunDirs.run(root.resolve("c"), "20261124-090000-dddd", "capitals", "m", "2026-11-24T09:00:00Z", 1, 4, 90.0);
        try (RunHistory other = RunHistory.open(store)) {
            other.recordRunDirectory(c);
        }
        JsonNode runs = JSON.readTree(get("/api/runs").body());
        assertThat(runs.findValuesAsText("run_id")).containsExactly("20261124-090000-dddd");
        assertThat(runs.get(0).path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.25); // 1 of 4

        // The server ends the dashboard's session (a restart or an idle timeout would): that request fails, the next reconnects.
        try (Connection admin = PostgresServer.shared().connect(url); Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            waitUntilAlone(s);
        }
        HttpResponse<String> broken = get("/api/runs");
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.body()).contains(url);
        HttpResponse<String> again = get("/api/runs");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).findValuesAsText("run_id")).containsExactly("20261124-090000-dddd");
        assertThat(broken.body() + again.body() + log.toString(StandardCharsets.UTF_8)).doesNotContain(PostgresServer.shared().password());
    }

    /** Spans POSTed as OTLP JSON land in PostgreSQL; /api/production and /production read them with the numbers worked out below. */
    @Test
    void productionReadsSpansPostedToV1TracesIntoPostgres() throws Exception {
        String url = PostgresServer.shared().newDatabaseUrl();
        start(HistoryStore.parse(withPassword(url)));
        String batch = otlp(span("0000000000000001", "2026-11-16T09:00:00Z", 100, null), span("0000000000000002", "2026-11-16T10:00:00Z", 200, null),
                span("0000000000000003", "2026-11-16T11:00:00Z", 300, null), span("0000000000000004", "2026-11-16T12:00:00Z", 40, "429"));
        HttpResponse<String> posted = postJson("/v1/traces", batch);
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo("{}");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("/v1/traces: 4 new spans, 0 already stored");

        JsonNode row = JSON.readTree(get("/api/production?feature=support").body()).path("rows").get(0);
        assertThat(row.path("window_start").asText()).isEqualTo("2026-11-16");
        assertThat(row.path("calls").asLong()).isEqualTo(4);
        assertThat(row.path("error_rate").asDouble()).isEqualTo(0.25); // the 429 of 4 calls
        assertThat(row.path("throttle_rate").asDouble()).isEqualTo(0.25); // a 429 is a throttle
        assertThat(row.path("latency_n").asLong()).isEqualTo(3); // successes only: 100, 200, 300 ms
        // p50 is the 2nd success: 200 000 µs in 128 µs buckets reads 1562·128 + 127 = 200 063 µs; p95 the 3rd: 1171·256 + 255 = 300 031 µs.
        assertThat(row.path("latency_ms_p50").asDouble()).isEqualTo(200.063);
        assertThat(row.path("latency_ms_p95").asDouble()).isEqualTo(300.031);
        HttpResponse<String> page = get("/production?feature=support&window=day");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(InsightPagesHttpTest.rows(page.body(), "production")).hasSize(1).allMatch(r -> r.startsWith("support gpt-4o 2026-11-16 4 25.0% (1) 25.0% (1) 200.063 300.031"));
        assertThat(page.body() + log.toString(StandardCharsets.UTF_8)).doesNotContain(PostgresServer.shared().password());
    }

    /** Waits until the terminated sessions are gone, so the dashboard's next query meets a closed connection. */
    private static void waitUntilAlone(Statement s) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                r.next();
                if (r.getLong(1) == 0) return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the dashboard's PostgreSQL session did not end within 5 s");
    }

    private static String otlp(String... spans) {
        return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"fieldtest.feature\",\"value\":{\"stringValue\":\"support\"}}]},"
                + "\"scopeSpans\":[{\"spans\":[" + String.join(",", spans) + "]}]}]}";
    }

    /** One GenAI chat span of gpt-4o written by hand in OTLP's JSON mapping (ids hex, int64 as strings). */
    private static String span(String spanId, String at, long ms, String errorType) {
        long start = Instant.parse(at).getEpochSecond() * 1_000_000_000L;
        return "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"" + spanId + "\",\"name\":\"chat gpt-4o\",\"kind\":3,"
                + "\"startTimeUnixNano\":\"" + start + "\",\"endTimeUnixNano\":\"" + (start + ms * 1_000_000L) + "\",\"attributes\":["
                + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}}"
                + (errorType == null ? "" : ",{\"key\":\"error.type\",\"value\":{\"stringValue\":\"" + errorType + "\"}}") + "]}";
    }
}
