package dev.fieldtest.serve.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.PostgresServer;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.ProductionSpansChanges;
import dev.fieldtest.history.ProductionSpansMetrics;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.serve.DashboardServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production store at scale for docs/PERFORMANCE.md, run by hand only (-Dfieldtest.perf=true; span count from
 * -Dfieldtest.perf.spans, default 1,000,000; -Dfieldtest.perf.store=postgres for a fresh database of the test
 * PostgreSQL server instead of a DuckDB file): stores GenAI spans through {@code RunHistory.production().add} in
 * batches of 512 on one open history, then times what /production, {@code fieldtest production} and the ledger read.
 */
@EnabledIfSystemProperty(named = "fieldtest.perf", matches = "true")
class ProductionStoreScale {
    private static final String[] FEATURES = {"f1", "f2", "f3", "f4"};
    private static final String[][] MODELS = {{"openai", "gpt-4o", "gpt-4o-2024-08-06"}, {"openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18"},
            {"anthropic", "claude-sonnet-4", "claude-sonnet-4-20250514"}};
    private static final double[] BASE_MS = {800, 400, 1200};
    // Monday 2026-09-28 00:00 UTC, so the 8 weeks are 8 whole ISO weeks.
    private static final Instant T0 = Instant.parse("2026-09-28T00:00:00Z");
    private static final long WEEKS = 8;

    @TempDir Path dir;

    @Test
    void storeAndQuery() throws Exception {
        int total = Integer.getInteger("fieldtest.perf.spans", 1_000_000), batch = 512, reps = 3;
        long stepNanos = WEEKS * 7 * 86_400L * 1_000_000_000L / total;
        Path file = dir.resolve("h.duckdb");
        HistoryStore store = HistoryStore.file(file);
        if ("postgres".equals(System.getProperty("fieldtest.perf.store"))) {
            PostgresServer pg = PostgresServer.shared();
            store = HistoryStore.parse(pg.newDatabaseUrl(), Map.of(HistoryStore.PASSWORD_ENV, pg.password()));
        }
        System.out.println("PERF store: " + store.display());
        Random random = new Random(42);
        try (RunHistory h = RunHistory.open(store)) {
            long begin = System.nanoTime();
            for (int from = 0; from < total; from += batch) {
                List<ProductionSpan> spans = new ArrayList<>(batch);
                for (int i = from; i < Math.min(total, from + batch); i++) spans.add(span(i, T0.plusNanos(i * stepNanos), random));
                h.production().add(spans);
                int done = Math.min(total, from + batch);
                // The rate per tenth shows how a batch's cost grows with the rows already stored.
                if (done % (total / 10) < batch) System.out.printf("PERF stored %d: %.1f s%n", done, (System.nanoTime() - begin) / 1e9);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("PERF store: %d spans in batches of %d: %.1f s, %.0f spans/s%n", total, batch, seconds, total / seconds);
            assertThat(h.production().count()).isEqualTo(total);
            h.ledger().addClaims(List.of(Claim.of("f1", "openai", "gpt-4o", null, "latency_ms.p95", 1500, "vendor page", LocalDate.of(2026, 9, 1)),
                    Claim.of(null, "openai", "gpt-4o", null, "latency_ms.p95", 1500, "vendor page", LocalDate.of(2026, 9, 1))));
        }
        if (store instanceof HistoryStore.DuckDbFile) System.out.printf("PERF file: %.1f MB (%d bytes)%n", Files.size(file) / 1e6, Files.size(file));

        try (RunHistory h = RunHistory.open(store)) {
            var all = time("metrics all features by week", reps, () -> h.production().metrics(null, ProductionSpansMetrics.Window.WEEK, null));
            // 4 features x 3 models x 8 weeks, and gpt-4o's fingerprint moving once in each of the 4 features.
            assertThat(all.rows()).hasSize(4 * 3 * 8);
            assertThat(all.changes()).hasSize(4);
            time("metrics all features by day", reps, () -> h.production().metrics(null, ProductionSpansMetrics.Window.DAY, null));
            var one = time("metrics feature f1 by week", reps, () -> h.production().metrics("f1", ProductionSpansMetrics.Window.WEEK, null));
            assertThat(one.rows()).hasSize(3 * 8);
            List<ProductionSpan> f1 = time("read every column of f1's spans", reps, () -> h.production().spans("f1", null, null));
            assertThat(f1).hasSize(total / 4);
            var changes = time("silent model changes over f1's spans", reps, () -> ProductionSpansChanges.find(f1, ProductionSpansMetrics.Window.WEEK));
            assertThat(changes).hasSize(1);
            var gaps = time("ledger gaps (2 latency claims)", reps, () -> LedgerGap.compute(h.ledger(), null, null, null, Map.of()));
            assertThat(gaps).hasSize(2);
        }

        HttpClient http = HttpClient.newHttpClient();
        try (DashboardServer server = DashboardServer.start(store, InetAddress.getLoopbackAddress(), 0,
                new PrintStream(new ByteArrayOutputStream()), ProductionSettings.defaults())) {
            for (String page : List.of("/production?feature=f1&window=week", "/production?window=week", "/ledger")) {
                time("GET " + page, reps, () -> {
                    var r = http.send(HttpRequest.newBuilder(server.url().resolve(page)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(r.statusCode()).isEqualTo(200);
                    return r.body().length;
                });
            }
        }
    }

    /** A chat call: features and models round-robin, latency log-normal around the model's base, 1 % errors, 2 % throttled. */
    private static ProductionSpan span(int i, Instant start, Random random) {
        int m = (i / FEATURES.length) % MODELS.length;
        String[] model = MODELS[m];
        double ms = BASE_MS[m] * Math.exp(0.5 * random.nextGaussian());
        boolean late = !start.isBefore(T0.plus(java.time.Duration.ofDays(35)));
        String print = m == 0 ? (late ? "fp_b2" : "fp_a1") : null;
        String error = i % 100 == 7 ? "500" : i % 100 < 2 ? "429" : null;
        long in = 600 + random.nextInt(800), out = error != null ? 0 : 50 + random.nextInt(400);
        return new ProductionSpan(String.format("%032x", i + 1L), String.format("%016x", i + 1L), FEATURES[i % FEATURES.length], "chat", model[0],
                model[1], model[2], print, "api.example.com", start, ms, ms * 0.3, in, out, List.of(error == null ? "stop" : "error"), error,
                "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"question number " + i + "\"}]}]",
                error != null ? null : "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"answer " + i + "\"}]}]",
                (in * 2.5 + out * 10) / 1e6, "{}");
    }

    /** Runs {@code work} once to warm up, then {@code reps} times; prints every time and the median; returns the last result. */
    private static <T> T time(String what, int reps, Callable<T> work) throws Exception {
        T result = work.call();
        double[] s = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            result = work.call();
            s[r] = (System.nanoTime() - t) / 1e9;
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        System.out.printf("PERF %s: median %.3f s of %s%n", what, sorted[reps / 2], Arrays.toString(s));
        return result;
    }
}
