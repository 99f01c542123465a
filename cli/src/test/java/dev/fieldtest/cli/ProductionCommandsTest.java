package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.config.DatasetLoader;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.history.RunHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** fieldtest ingest, production and sample on files written here, against hand-worked numbers. */
class ProductionCommandsTest {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    Path db() {
        return dir.resolve("h.duckdb");
    }

    int ingest(String... args) {
        IngestCommand c = new IngestCommand();
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(c).execute(args);
    }

    String production(String... args) {
        ProductionCommand c = new ProductionCommand();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        c.out = new PrintStream(o, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(c).execute(args)).isZero();
        return o.toString(StandardCharsets.UTF_8);
    }

    int sample(String... args) {
        SampleCommand c = new SampleCommand();
        c.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(c).execute(args);
    }

    static String log(String feature, String model, String response, String at, double ms, String error, String input) {
        return "{\"feature\": \"" + feature + "\", \"provider\": \"openai\", \"model\": \"" + model + "\", \"response_model\": \"" + response
                + "\", \"started_at\": \"" + at + "\", \"duration_ms\": " + ms + ", \"input_tokens\": 1000, \"output_tokens\": 100"
                + (error == null ? "" : ", \"error\": \"" + error + "\"") + ", \"input\": \"" + input + "\", \"output\": \"ok\"}";
    }

    /** An OTLP JSON request with one GenAI span, written by hand in the spec's JSON mapping (ids hex, int64 as strings). */
    static String otlp(String spanId, String at) {
        long nanos = java.time.Instant.parse(at).getEpochSecond() * 1_000_000_000L;
        return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"app.feature\",\"value\":{\"stringValue\":\"support\"}}]},"
                + "\"scopeSpans\":[{\"spans\":[{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"" + spanId + "\",\"name\":\"chat\",\"kind\":3,"
                + "\"startTimeUnixNano\":\"" + nanos + "\",\"endTimeUnixNano\":\"" + (nanos + 300_000_000L) + "\",\"attributes\":["
                + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}},"
                + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"1000\"}}]}]}]}]}";
    }

    @Test
    void ingestStoresLogsAndOtlpOnceAndProductionReportsHandWorkedNumbers() throws Exception {
        Path logs = dir.resolve("calls.jsonl");
        Files.writeString(logs, String.join("\n",
                log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T10:00:00Z", 100, null, "Where is my refund?"),
                log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T11:00:00Z", 300, null, "Cancel my order"),
                log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T12:00:00Z", 40, "rate_limit_exceeded", "Hello?"),
                log("support", "gpt-4o", "gpt-4o-2024-11-20", "2026-11-24T09:00:00Z", 250, null, "Refund status")) + "\n");
        Path traces = dir.resolve("traces.json");
        Files.writeString(traces, otlp("00f067aa0ba902b7", "2026-11-23T13:00:00Z") + "\n");
        Path pricing = dir.resolve("pricing.yaml");
        Files.writeString(pricing, "gpt-4o:\n  input_per_mtok: 2.5\n  output_per_mtok: 10\n");

        assertThat(ingest(logs.toString(), traces.toString(), "--history", db().toString(), "--pricing", pricing.toString(), "--feature-attribute", "app.feature"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("ingested 5 new production calls");
        out.reset();
        assertThat(ingest(logs.toString(), traces.toString(), "--history", db().toString())).isZero();
        assertThat(out.toString()).contains("ingested 0 new production calls").contains("(5 already stored)");

        JsonNode r = new ObjectMapper().readTree(production("--history", db().toString(), "--feature", "support", "--json"));
        // 23 Nov, model gpt-4o-2024-08-06: calls 100 ms, 300 ms and a rate-limited one. Successful latencies 100, 300 ms:
        // p50 = 1st = 100000 µs, exact below 2048·64 (bucket width 64: [99968, 100031]) → 100.031; p95 = 2nd = 300000 µs,
        // width 256: [299776, 300031] → 300.031.
        assertThat(r.at("/rows/0/model").asText()).isEqualTo("gpt-4o"); // the OTLP span: no response model, sorted first
        JsonNode day = r.at("/rows/1");
        assertThat(day.get("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(day.get("window_start").asText()).isEqualTo("2026-11-23");
        assertThat(day.get("calls").asLong()).isEqualTo(3);
        assertThat(day.get("throttle_rate").asDouble()).isEqualTo(1 / 3.0);
        assertThat(day.get("latency_p50_ms").asDouble()).isEqualTo(100.031);
        assertThat(day.get("latency_p95_ms").asDouble()).isEqualTo(300.031);
        // Priced at 2.5 and 10 USD per Mtok through the snapshot's prefix: 1000·2.5e-6 + 100·10e-6 = 0.0035 per call.
        assertThat(day.get("cost_per_call_usd").asDouble()).isEqualTo(0.0035, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.at("/changes/0/kind").asText()).isEqualTo("response_model");
        assertThat(r.at("/changes/0/to").asText()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(r.at("/changes/0/window_start").asText()).isEqualTo("2026-11-24");
        JsonNode later = new ObjectMapper().readTree(production("--history", db().toString(), "--since", "2026-11-24", "--json"));
        assertThat(later.get("rows")).hasSize(1); // only the 24 Nov call
        assertThat(later.at("/rows/0/model").asText()).isEqualTo("gpt-4o-2024-11-20");
        ProductionCommand badWindow = new ProductionCommand();
        badWindow.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(badWindow).execute("--history", db().toString(), "--window", "month")).isEqualTo(2);
        assertThat(err.toString()).contains("Fix: --window day or --window week");
        String table = production("--history", db().toString(), "--window", "week");
        assertThat(table).contains("Silent model changes:").contains("gpt-4o-2024-08-06 -> gpt-4o-2024-11-20");
        try (RunHistory h = RunHistory.open(db())) {
            assertThat(h.production().spans(null, null, null)).filteredOn(s -> s.spanId().equals("00f067aa0ba902b7"))
                    .singleElement().satisfies(s -> assertThat(s.feature()).isEqualTo("support"));
        }
    }

    @Test
    void badInputIsLocatedAndNothingIsStored() throws Exception {
        Path good = dir.resolve("good.jsonl"), bad = dir.resolve("bad.jsonl");
        Files.writeString(good, log("support", "gpt-4o", "gpt-4o", "2026-11-23T10:00:00Z", 100, null, "hi") + "\n");
        Files.writeString(bad, log("support", "gpt-4o", "gpt-4o", "2026-11-23T10:00:00Z", 100, null, "hi") + "\n"
                + "{\"started_at\": \"yesterday\", \"duration_ms\": -5, \"modle\": \"x\"}\n{not json\n");
        assertThat(ingest(good.toString(), bad.toString(), "--history", db().toString())).isEqualTo(2);
        String e = err.toString();
        assertThat(e).contains("nothing was stored")
                .contains(bad + ":2:2: started_at \"yesterday\" is not an ISO-8601 time. Fix:")
                .contains(bad + ":2:29: duration_ms must be a number >= 0")
                .contains(bad + ":2:48: unknown key \"modle\"")
                .contains(bad + ":3:2: this line is not one JSON object");
        assertThat(Files.exists(db())).isFalse();
    }

    @Test
    void sampleIsStableStratifiedAndLoadsAsADataset() throws Exception {
        List<String> lines = new ArrayList<>();
        String[] models = {"a", "b", "c"};
        int[] sizes = {10, 6, 2};
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < sizes[m]; i++) lines.add(log("support", models[m], models[m], "2026-11-2" + (i % 3) + "T10:00:00Z", 100, null, "q " + models[m] + i));
        }
        lines.add(log("billing", "a", "a", "2026-11-20T10:00:00Z", 100, null, "not this feature"));
        Path logs = dir.resolve("calls.jsonl");
        Files.writeString(logs, String.join("\n", lines) + "\n");
        assertThat(ingest(logs.toString(), "--history", db().toString())).isZero();

        Path first = dir.resolve("s1.jsonl"), second = dir.resolve("s2.jsonl");
        assertThat(sample("--feature", "support", "--n", "8", "--by", "model", "--history", db().toString(), "--out", first.toString())).as(err.toString()).isZero();
        assertThat(sample("--feature", "support", "--n", "8", "--by", "model", "--history", db().toString(), "--out", second.toString())).isZero();
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));

        Problems problems = new Problems();
        List<Case> cases = DatasetLoader.load(first, problems);
        assertThat(problems.isEmpty()).as(problems.list().toString()).isTrue();
        // Balanced allocation, smallest stratum first: c takes min(2, ceil(8/3)=3) = 2, b min(6, ceil(6/2)=3) = 3, a the 3 left.
        assertThat(cases).hasSize(8);
        assertThat(cases.stream().filter(c -> c.tags().contains("model:a")).count()).isEqualTo(3);
        assertThat(cases.stream().filter(c -> c.tags().contains("model:b")).count()).isEqualTo(3);
        assertThat(cases.stream().filter(c -> c.tags().contains("model:c")).count()).isEqualTo(2);
        Case one = cases.get(0);
        assertThat(one.id()).isEqualTo(one.vars().get("trace_id") + "-" + one.vars().get("span_id"));
        assertThat((String) one.vars().get("input")).startsWith("q a");
        // A window of one day (21 Nov: i % 3 == 1) stratified by day holds a's 3, b's 2 and c's 1 candidates.
        Path windowed = dir.resolve("w.jsonl");
        assertThat(sample("--feature", "support", "--n", "100", "--window", "2026-11-21..2026-11-22", "--history", db().toString(), "--out", windowed.toString())).isZero();
        assertThat(Files.readAllLines(windowed)).hasSize(6).allSatisfy(l -> assertThat(l).contains("day:2026-11-21"));
        assertThat(sample("--feature", "support", "--by", "topic", "--history", db().toString(), "--out", first.toString())).isEqualTo(2);
    }
}
