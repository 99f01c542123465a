package dev.fieldtest.serve.otlp;

import static dev.fieldtest.serve.otlp.OtelFixtures.end;
import static dev.fieldtest.serve.otlp.OtelFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.serve.DashboardServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP at POST /v1/traces on a running fieldtest serve, fed by the OpenTelemetry SDK's own exporter marshaler. */
class OtlpReceiverHttpTest {
    static final long T0 = Instant.parse("2026-11-23T10:00:00Z").getEpochSecond() * 1_000_000_000L;
    @TempDir Path dir;
    DashboardServer server;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        RunHistory.open(dir.resolve("h.duckdb")).close();
        var settings = new ProductionSettings("fieldtest.feature", Map.of("gpt-4o", new Pricing(2.5, 10)));
        server = DashboardServer.start(HistoryStore.file(dir.resolve("h.duckdb")), InetAddress.getLoopbackAddress(), 0, new PrintStream(log, true, StandardCharsets.UTF_8), settings);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A current-conventions chat span (feature from the resource), an older-names span (feature on the span), and a plain HTTP span. */
    static List<SpanData> batch() {
        return OtelFixtures.spans(Attributes.of(AttributeKey.stringKey("fieldtest.feature"), "support", AttributeKey.stringKey("service.name"), "app"), t -> {
            Span chat = span(t, "chat gpt-4o", T0, 850, Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.provider.name", "openai")
                    .put("gen_ai.request.model", "gpt-4o").put("gen_ai.response.model", "gpt-4o-2024-08-06").put("gen_ai.usage.input_tokens", 1000L)
                    .put("gen_ai.usage.output_tokens", 200L).put(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop"))
                    .put("server.address", "api.openai.example").put("gen_ai.openai.response.system_fingerprint", "fp_44709d6fcb")
                    .put("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my refund?\"}]}]").build());
            chat.addEvent("gen_ai.content.completion.chunk", T0 + 120_000_000L, TimeUnit.NANOSECONDS);
            chat.addEvent("gen_ai.content.completion.chunk", T0 + 300_000_000L, TimeUnit.NANOSECONDS);
            end(chat, T0, 850);
            Span old = span(t, "completion", T0 + 60_000_000_000L, 400, Attributes.builder().put("gen_ai.system", "anthropic")
                    .put("gen_ai.request.model", "claude-x").put("gen_ai.usage.prompt_tokens", 30L).put("gen_ai.usage.completion_tokens", 7L)
                    .put("fieldtest.feature", "billing").put("error.type", "429").put("gen_ai.response.time_to_first_chunk", 0.25).build());
            end(old, T0 + 60_000_000_000L, 400);
            Span failed = span(t, "chat", T0 + 120_000_000_000L, 30, Attributes.builder().put("gen_ai.operation.name", "chat").build());
            failed.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "boom");
            end(failed, T0 + 120_000_000_000L, 30);
            Span plain = span(t, "GET /orders", T0, 5, Attributes.of(AttributeKey.stringKey("http.request.method"), "GET"));
            end(plain, T0, 5);
        });
    }

    HttpResponse<byte[]> post(String contentType, String encoding, byte[] body) throws Exception {
        var b = HttpRequest.newBuilder(server.url().resolve("/v1/traces")).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) b.header("Content-Encoding", encoding);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    List<ProductionSpan> stored() {
        try (RunHistory h = RunHistory.open(dir.resolve("h.duckdb"))) {
            return h.production().spans(null, null, null);
        }
    }

    @Test
    void protobufBatchIsStoredOnceAndItsGenAiSpansAreMapped() throws Exception {
        List<SpanData> spans = batch();
        byte[] body = OtelFixtures.protobuf(spans);
        var r = post("application/x-protobuf", null, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(ExportTraceServiceResponse.parseFrom(r.body()).hasPartialSuccess()).isFalse();

        List<ProductionSpan> rows = stored();
        assertThat(rows).hasSize(3); // the HTTP span is not a GenAI span
        ProductionSpan chat = rows.get(0), old = rows.get(1);
        assertThat(rows.get(2).errorType()).isEqualTo("_OTHER"); // status ERROR without error.type
        assertThat(rows.get(2).feature()).isEqualTo("support");
        assertThat(chat.traceId()).isEqualTo(spans.get(0).getTraceId());
        assertThat(chat.spanId()).isEqualTo(spans.get(0).getSpanId());
        assertThat(chat.feature()).isEqualTo("support");
        assertThat(chat.operation()).isEqualTo("chat");
        assertThat(chat.provider()).isEqualTo("openai");
        assertThat(chat.requestModel()).isEqualTo("gpt-4o");
        assertThat(chat.responseModel()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(chat.systemFingerprint()).isEqualTo("fp_44709d6fcb");
        assertThat(chat.serverAddress()).isEqualTo("api.openai.example");
        assertThat(chat.startedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(chat.durationMs()).isEqualTo(850.0);
        assertThat(chat.ttftMs()).isEqualTo(120.0); // the earlier of the two chunk events
        assertThat(chat.inputTokens()).isEqualTo(1000);
        assertThat(chat.outputTokens()).isEqualTo(200);
        assertThat(chat.finishReasons()).containsExactly("stop");
        assertThat(chat.errorType()).isNull();
        assertThat(chat.inputMessages()).contains("Where is my refund?");
        assertThat(chat.costUsd()).isCloseTo(1000 * 2.5 / 1e6 + 200 * 10 / 1e6, within(1e-12)); // gpt-4o prices the dated snapshot
        assertThat(chat.attributesJson()).contains("\"gen_ai.request.model\":\"gpt-4o\"").doesNotContain("Where is my refund");

        assertThat(old.feature()).isEqualTo("billing"); // the span attribute beats the resource's
        assertThat(old.provider()).isEqualTo("anthropic");
        assertThat(old.inputTokens()).isEqualTo(30);
        assertThat(old.outputTokens()).isEqualTo(7);
        assertThat(old.errorType()).isEqualTo("429");
        assertThat(old.ttftMs()).isEqualTo(250.0);
        assertThat(old.costUsd()).isNull(); // no price for claude-x

        var again = post("application/x-protobuf", "gzip", gzip(body));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(stored()).hasSize(3);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("/v1/traces: 3 new spans, 0 already stored").contains("/v1/traces: 0 new spans, 3 already stored");
    }

    @Test
    void jsonWithHexOrBase64IdsIsStoredUnderLowercaseHex() throws Exception {
        List<SpanData> spans = batch();
        String json = OtelFixtures.json(spans);
        assertThat(json).contains("\"traceId\":\"" + spans.get(0).getTraceId() + "\"");
        var r = post("application/json", null, json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(stored()).hasSize(3);
        assertThat(stored().get(2).errorType()).isEqualTo("_OTHER"); // the JSON status code is the integer 2

        // The same batch with base64 ids (as protobuf's generic JSON mapping writes bytes) is the same spans: nothing new.
        String base64 = json;
        for (SpanData s : spans) {
            base64 = base64.replace(s.getTraceId(), b64(s.getTraceId())).replace(s.getSpanId(), b64(s.getSpanId()));
        }
        assertThat(base64).doesNotContain(spans.get(0).getTraceId());
        assertThat(post("application/json", null, base64.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(stored()).extracting(ProductionSpan::spanId).containsExactlyInAnyOrder(spans.get(0).getSpanId(), spans.get(1).getSpanId(), spans.get(2).getSpanId());
    }

    @Test
    void unusableSpansArePartialSuccessAndBadRequestsAreRefused() throws Exception {
        String json = OtelFixtures.json(batch());
        String badId = json.replaceFirst("\"spanId\":\"[0-9a-f]{16}\"", "\"spanId\":\"not-an-id\"");
        var partial = post("application/json", null, badId.getBytes(StandardCharsets.UTF_8));
        assertThat(partial.statusCode()).isEqualTo(200);
        var body = new ObjectMapper().readTree(partial.body());
        assertThat(body.at("/partialSuccess/rejectedSpans").asText()).isEqualTo("1");
        assertThat(body.at("/partialSuccess/errorMessage").asText()).contains("spanId");
        assertThat(stored()).hasSize(2);

        var garbage = post("application/x-protobuf", null, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(post("application/json", null, "{not json".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(post("application/x-protobuf", "gzip", new byte[] {1, 2, 3}).statusCode()).isEqualTo(400);
        assertThat(post("text/plain", null, new byte[] {1}).statusCode()).isEqualTo(415);
        var get = http.send(HttpRequest.newBuilder(server.url().resolve("/v1/traces")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        // The dashboard stays read-only everywhere else.
        var postElsewhere = http.send(HttpRequest.newBuilder(server.url().resolve("/api/runs")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(postElsewhere.statusCode()).isEqualTo(405);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAndAfterGzip() throws Exception {
        OtlpReceiver small = new OtlpReceiver(ProductionSettings.defaults(), spans -> { throw new AssertionError("nothing to store"); }, 100);
        assertThat(small.receive("application/json", null, new java.io.ByteArrayInputStream(new byte[101])).status()).isEqualTo(413);
        byte[] bomb = gzip(new byte[10_000]);
        assertThat(bomb.length).isLessThan(100);
        assertThat(small.receive("application/json", "gzip", new java.io.ByteArrayInputStream(bomb)).status()).isEqualTo(413);
    }

    static String b64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }
}
