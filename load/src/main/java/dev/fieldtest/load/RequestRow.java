package dev.fieldtest.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Secrets;

/**
 * One requests.jsonl line (docs/load.md): the request's timing against its schedule and what the target returned.
 * Output and error text pass through {@link Secrets#redact}. Thread-safe.
 */
final class RequestRow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestRow() {}

    static String encode(String target, int step, SentRequest r) {
        Observation o = r.observation();
        ObjectNode row = JSON.createObjectNode();
        row.put("target", target).put("step", step).put("case_id", o.caseId()).put("measured", r.measured());
        row.put("intended_ms", r.intendedStartNanos() / 1e6);
        row.put("send_lag_ms", r.sendLagMicros() / 1e3);
        row.put("wait_ms", Math.max(0, r.actualSendNanos() - r.dispatchNanos()) / 1e6);
        row.put("latency_ms", o.latencyMs());
        row.put("corrected_ms", r.correctedLatencyMicros() / 1e3);
        row.put("ttft_ms", o.ttftMs());
        var chunks = row.putArray("chunk_ms");
        o.chunkMs().forEach(chunks::add);
        if (o.usage() == null) row.putNull("tokens");
        else row.putObject("tokens").put("input", o.usage().inputTokens()).put("output", o.usage().outputTokens());
        row.put("attempts", o.attempts()).put("throttled", o.throttled());
        row.put("error", o.error() == null ? null : o.error().wireName());
        row.put("error_message", Secrets.redact(o.errorMessage()));
        row.put("cost_usd", o.costUsd());
        row.put("output", Secrets.redact(o.output()));
        return row.toString();
    }
}
