package dev.fieldtest.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.FallbackTrace;
import java.util.ArrayList;
import java.util.List;

/** The {@code fallback} object of a results.jsonl row (docs/results-jsonl.md) and of a cache entry, written and read back. Stateless. */
public final class FallbackRows {
    private FallbackRows() {}

    public static void write(ObjectNode out, FallbackTrace t) {
        out.put("answered_by", t.answeredBy());
        out.put("hops", t.hops());
        out.put("added_latency_ms", t.addedLatencyMs());
        var failed = out.putArray("failed");
        t.failed().forEach(h -> failed.addObject().put("target", h.target()).put("error", h.error().wireName())
                .put("latency_ms", h.latencyMs()).put("cost_usd", h.costUsd()));
    }

    public static FallbackTrace read(JsonNode f) {
        List<FallbackTrace.Hop> failed = new ArrayList<>();
        f.path("failed").forEach(h -> failed.add(new FallbackTrace.Hop(h.path("target").asText(), ErrorClass.fromWireName(h.path("error").asText()),
                h.path("latency_ms").asDouble(), h.path("cost_usd").asDouble())));
        JsonNode by = f.get("answered_by");
        return new FallbackTrace(by == null || by.isNull() ? null : by.asText(), f.path("hops").asInt(), failed);
    }
}
