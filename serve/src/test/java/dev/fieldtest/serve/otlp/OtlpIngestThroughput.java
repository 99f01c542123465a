package dev.fieldtest.serve.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.serve.DashboardServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest throughput for docs/PERFORMANCE.md, run by hand only (-Dfieldtest.perf=true): 100,000 GenAI spans made by
 * the OpenTelemetry SDK, sent as OTLP protobuf batches of 512 over loopback, one request at a time, into DuckDB.
 */
@EnabledIfSystemProperty(named = "fieldtest.perf", matches = "true")
class OtlpIngestThroughput {
    @TempDir Path dir;

    @Test
    void hundredThousandSpansInBatchesOf512() throws Exception {
        int total = 100_000, batch = 512;
        long t0 = 1_795_000_000_000_000_000L;
        List<SpanData> spans = OtelFixtures.spans(Attributes.of(AttributeKey.stringKey("fieldtest.feature"), "support"), t -> {
            for (int i = 0; i < total; i++) {
                long start = t0 + i * 1_000_000L;
                Span s = OtelFixtures.span(t, "chat gpt-4o", start, 0, Attributes.builder().put("gen_ai.operation.name", "chat")
                        .put("gen_ai.provider.name", "openai").put("gen_ai.request.model", "gpt-4o").put("gen_ai.response.model", "gpt-4o-2024-08-06")
                        .put("gen_ai.usage.input_tokens", 900L + i % 200).put("gen_ai.usage.output_tokens", 100L + i % 50)
                        .put(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop")).put("server.address", "api.example.com")
                        .put("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"question number " + i + "\"}]}]").build());
                OtelFixtures.end(s, start, 200 + i % 300);
            }
        });
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < total; from += batch) bodies.add(OtelFixtures.protobuf(spans.subList(from, Math.min(total, from + batch))));
        RunHistory.open(dir.resolve("h.duckdb")).close();
        HttpClient http = HttpClient.newHttpClient();
        try (DashboardServer server = DashboardServer.start(HistoryStore.file(dir.resolve("h.duckdb")), InetAddress.getLoopbackAddress(), 0,
                new PrintStream(new ByteArrayOutputStream()), ProductionSettings.defaults())) {
            long begin = System.nanoTime();
            for (byte[] body : bodies) {
                var r = http.send(HttpRequest.newBuilder(server.url().resolve("/v1/traces")).header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("PERF otlp ingest: %d spans in %d batches of %d: %.1f s, %.0f spans/s%n", total, bodies.size(), batch, seconds, total / seconds);
        }
        try (RunHistory h = RunHistory.open(dir.resolve("h.duckdb"))) {
            assertThat(h.production().count()).isEqualTo(total);
        }
        // The same batches decoded and stored on one open history, without HTTP or opening the file per request.
        try (RunHistory h = RunHistory.open(dir.resolve("direct.duckdb"))) {
            long begin = System.nanoTime();
            for (byte[] body : bodies) h.production().add(GenAiSpans.map(OtlpProto.decode(body), ProductionSettings.defaults()).spans());
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("PERF direct: %d spans: %.1f s, %.0f spans/s%n", total, seconds, total / seconds);
            long m0 = System.nanoTime();
            var report = h.production().metrics(null, dev.fieldtest.history.ProductionSpansMetrics.Window.DAY, null);
            System.out.printf("PERF metrics over %d spans: %d rows in %.2f s%n", total, report.rows().size(), (System.nanoTime() - m0) / 1e9);
        }
    }
}
