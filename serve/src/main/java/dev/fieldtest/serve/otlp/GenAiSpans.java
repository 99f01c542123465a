package dev.fieldtest.serve.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.ProductionSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenTelemetry GenAI spans as production spans (docs/production.md has the attribute table). A span is a
 * GenAI span when it carries gen_ai.operation.name, gen_ai.provider.name or the older gen_ai.system; others are
 * counted as skipped. Time to first chunk: the attribute {@value #TTFT_ATTRIBUTE} (seconds), else the earliest span
 * event named in {@link #FIRST_CHUNK_EVENTS}, measured from the span's start.
 */
public final class GenAiSpans {
    public static final String TTFT_ATTRIBUTE = "gen_ai.response.time_to_first_chunk";
    public static final Set<String> FIRST_CHUNK_EVENTS = Set.of("gen_ai.content.completion.chunk", "gen_ai.completion.chunk", "gen_ai.first_token", "first_token");
    private static final Set<String> NOT_COPIED = Set.of("gen_ai.input.messages", "gen_ai.output.messages");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenAiSpans() {}

    /** The GenAI spans of a batch; non-GenAI spans are counted in {@code skipped}, unusable ones in {@code rejected}. */
    public record Result(List<ProductionSpan> spans, int skipped, int rejected, String firstProblem) {}

    public static Result map(OtlpBatch batch, ProductionSettings settings) {
        List<ProductionSpan> out = new ArrayList<>();
        int skipped = 0, rejected = batch.rejected();
        String problem = batch.firstProblem();
        for (OtlpSpan s : batch.spans()) {
            if (!isGenAi(s)) {
                skipped++;
            } else if (s.startNanos() <= 0) {
                rejected++;
                if (problem == null) problem = "GenAI span \"" + s.name() + "\" (" + s.spanId() + ") has no startTimeUnixNano";
            } else {
                out.add(map(s, settings));
            }
        }
        return new Result(out, skipped, rejected, problem);
    }

    static boolean isGenAi(OtlpSpan s) {
        var a = s.attributes();
        return a.containsKey("gen_ai.operation.name") || a.containsKey("gen_ai.provider.name") || a.containsKey("gen_ai.system");
    }

    static ProductionSpan map(OtlpSpan s, ProductionSettings settings) {
        Map<String, Object> a = s.attributes();
        String feature = string(a.get(settings.featureAttribute()));
        if (feature == null) feature = string(s.resource().get(settings.featureAttribute()));
        String provider = string(a.get("gen_ai.provider.name"));
        if (provider == null) provider = string(a.get("gen_ai.system"));
        Long in = number(a.get("gen_ai.usage.input_tokens")), out = number(a.get("gen_ai.usage.output_tokens"));
        if (in == null) in = number(a.get("gen_ai.usage.prompt_tokens"));
        if (out == null) out = number(a.get("gen_ai.usage.completion_tokens"));
        String requestModel = string(a.get("gen_ai.request.model")), responseModel = string(a.get("gen_ai.response.model"));
        Double duration = s.endNanos() >= s.startNanos() && s.endNanos() > 0 ? (s.endNanos() - s.startNanos()) / 1e6 : null;
        Instant started = Instant.ofEpochSecond(0, s.startNanos());
        String error = string(a.get("error.type"));
        if (error == null && s.statusError()) error = "_OTHER"; // failed per its status but no error.type: the conventions' fallback value
        Map<String, Object> copied = new LinkedHashMap<>(a);
        NOT_COPIED.forEach(copied::remove);
        return new ProductionSpan(s.traceId(), s.spanId(), feature == null ? ProductionSpan.NO_FEATURE : feature, string(a.get("gen_ai.operation.name")),
                provider, requestModel, responseModel, string(a.get("gen_ai.openai.response.system_fingerprint")), string(a.get("server.address")),
                started, duration, ttft(s), in, out, strings(a.get("gen_ai.response.finish_reasons")), error,
                json(a.get("gen_ai.input.messages")), json(a.get("gen_ai.output.messages")), settings.cost(responseModel, requestModel, in, out), json(copied));
    }

    private static Double ttft(OtlpSpan s) {
        Object seconds = s.attributes().get(TTFT_ATTRIBUTE);
        if (seconds instanceof Number n && n.doubleValue() >= 0) return n.doubleValue() * 1000.0;
        long first = Long.MAX_VALUE;
        for (OtlpSpan.Event e : s.events()) {
            if (FIRST_CHUNK_EVENTS.contains(e.name()) && e.timeNanos() >= s.startNanos()) first = Math.min(first, e.timeNanos());
        }
        return first == Long.MAX_VALUE ? null : (first - s.startNanos()) / 1e6;
    }

    private static String string(Object v) {
        return v == null ? null : v instanceof String str ? str : String.valueOf(v);
    }

    private static Long number(Object v) {
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String str) {
            try {
                return Long.parseLong(str.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    /** JSON text of a structured attribute; a string is taken to be JSON text already (the conventions allow both). */
    private static String json(Object v) {
        if (v == null) return null;
        if (v instanceof String str) return str;
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
