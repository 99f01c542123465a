package dev.fieldtest.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One results.jsonl line per call, field names as documented in docs/results-jsonl.md. Text that could
 * carry a secret passes through {@link Secrets#redact} on the way out. Thread-safe.
 */
public final class ResultsCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsCodec() {}

    public static String encode(ScoredCall call) {
        Observation o = call.observation();
        ObjectNode row = JSON.createObjectNode();
        row.put("run_id", call.runId());
        row.put("target", o.targetId());
        row.put("case_id", o.caseId());
        row.put("repeat", o.repeatIndex());
        call.tags().forEach(row.putArray("tags")::add);
        if (call.tags().isEmpty()) row.putArray("tags");
        ArrayNode input = row.putArray("input");
        o.input().forEach(m -> input.addObject().put("role", m.role()).put("content", Secrets.redact(m.content())));
        row.put("output", Secrets.redact(o.output()));
        ArrayNode verdicts = row.putArray("verdicts");
        call.verdicts().forEach(v -> verdict(verdicts.addObject(), v));
        row.put("pass", call.pass());
        row.put("score", call.score());
        row.put("variant", call.variant());
        row.put("expect", call.expect());
        row.put("confidence", call.confidence());
        row.put("error", o.error() == null ? null : o.error().wireName());
        row.put("error_message", Secrets.redact(o.errorMessage()));
        if (o.usage() == null) row.putNull("tokens");
        else tokens(row, o.usage());
        row.put("latency_ms", o.latencyMs());
        row.put("ttft_ms", o.ttftMs());
        ArrayNode chunks = row.putArray("chunk_ms");
        o.chunkMs().forEach(chunks::add);
        row.put("attempts", o.attempts());
        row.put("throttled", o.throttled());
        row.put("cost_usd", o.costUsd());
        row.put("finish_reason", o.finishReason());
        row.put("response_model", o.responseModel());
        if (o.cached()) row.put("cached", true); // only on replayed rows, so rows of runs without a cache are unchanged
        if (o.fallback() != null) FallbackRows.write(row.putObject("fallback"), o.fallback());
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a results row always serializes", e);
        }
    }

    /** tokens {input, output[, cache_write, cache_read]} and usage_source; cache counts only when there are any. */
    public static void tokens(ObjectNode row, Usage u) {
        ObjectNode t = row.putObject("tokens").put("input", u.inputTokens()).put("output", u.outputTokens());
        if (u.cacheWriteTokens() > 0) t.put("cache_write", u.cacheWriteTokens());
        if (u.cacheReadTokens() > 0) t.put("cache_read", u.cacheReadTokens());
        row.put("usage_source", u.source().wireName());
    }

    /** The usage {@link #tokens} wrote: {@code t} the tokens object, {@code source} the usage_source (missing: provider). */
    public static Usage usage(JsonNode t, JsonNode source) {
        Usage.Source s = "tokenizer".equals(source.asText()) ? Usage.Source.TOKENIZER : Usage.Source.PROVIDER;
        return new Usage(t.path("input").asLong(), t.path("output").asLong(), t.path("cache_write").asLong(0),
                t.path("cache_read").asLong(0), s);
    }

    private static void verdict(ObjectNode out, Verdict v) {
        out.put("check", v.check()).put("pass", v.pass()).put("detail", Secrets.redact(v.detail()));
        if (v.score() != null) out.put("score", v.score());
        if (!v.measured()) out.put("measured", false);
        if (!v.findings().isEmpty()) v.findings().forEach(out.putArray("findings")::add);
        if (v.usage() != null) out.putObject("tokens").put("input", v.usage().inputTokens()).put("output", v.usage().outputTokens());
        if (v.costUsd() > 0) out.put("cost_usd", v.costUsd());
    }

    private static Verdict verdict(JsonNode v) {
        List<String> findings = new ArrayList<>();
        v.path("findings").forEach(f -> findings.add(f.asText()));
        JsonNode t = v.path("tokens");
        return new Verdict(v.path("check").asText(), v.path("pass").asBoolean(), text(v, "detail"), number(v, "score"),
                v.path("measured").asBoolean(true), findings, t.isObject() ? new Usage(t.path("input").asLong(), t.path("output").asLong()) : null,
                v.path("cost_usd").asDouble(0));
    }

    /** Reads one line back; a line that is not a results row is an {@link IllegalArgumentException}. */
    public static ScoredCall decode(String line) {
        JsonNode r;
        try {
            r = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON results row: " + e.getOriginalMessage(), e);
        }
        if (r == null || !r.isObject() || !r.hasNonNull("target") || !r.hasNonNull("case_id")) {
            throw new IllegalArgumentException("not a results row (needs target and case_id)");
        }
        List<Message> input = new ArrayList<>();
        r.path("input").forEach(m -> input.add(new Message(m.path("role").asText(), m.path("content").asText())));
        List<Verdict> verdicts = new ArrayList<>();
        r.path("verdicts").forEach(v -> verdicts.add(verdict(v)));
        List<Double> chunks = new ArrayList<>();
        r.path("chunk_ms").forEach(c -> chunks.add(c.asDouble()));
        List<String> tags = new ArrayList<>();
        r.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode tokens = r.path("tokens");
        Usage usage = tokens.isObject() ? usage(tokens, r.path("usage_source")) : null;
        String error = text(r, "error");
        Observation o = new Observation(r.path("target").asText(), r.path("case_id").asText(), r.path("repeat").asInt(), input,
                error == null ? r.path("output").asText("") : null, usage, r.path("latency_ms").asDouble(), number(r, "ttft_ms"), chunks,
                r.path("attempts").asInt(1), r.path("throttled").asInt(), error == null ? null : ErrorClass.fromWireName(error),
                text(r, "error_message"), r.path("cost_usd").asDouble(), text(r, "finish_reason"), text(r, "response_model"),
                r.path("cached").asBoolean(false));
        if (r.path("fallback").isObject()) o = o.withFallback(FallbackRows.read(r.path("fallback")));
        return new ScoredCall(text(r, "run_id"), o, verdicts, tags, r.path("pass").asBoolean(), number(r, "confidence"),
                text(r, "variant"), text(r, "expect"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
