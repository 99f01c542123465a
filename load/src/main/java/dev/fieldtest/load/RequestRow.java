package dev.fieldtest.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Secrets;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One requests.jsonl line (docs/load.md): the request's timing against its schedule and what the target returned.
 * Output and error text pass through {@link Secrets#redact}. Written field by field, without a tree of nodes:
 * every request of a load run passes here. Thread-safe.
 */
final class RequestRow {
    private static final JsonFactory JSON = new JsonFactory();

    private RequestRow() {}

    static String encode(String target, int step, SentRequest r) {
        Observation o = r.observation();
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("target", target);
            g.writeNumberField("step", step);
            g.writeStringField("case_id", o.caseId());
            g.writeBooleanField("measured", r.measured());
            g.writeNumberField("intended_ms", r.intendedStartNanos() / 1e6);
            g.writeNumberField("send_lag_ms", r.sendLagMicros() / 1e3);
            g.writeNumberField("wait_ms", Math.max(0, r.actualSendNanos() - r.dispatchNanos()) / 1e6);
            g.writeNumberField("latency_ms", o.latencyMs());
            g.writeNumberField("corrected_ms", r.correctedLatencyMicros() / 1e3);
            if (o.ttftMs() == null) g.writeNullField("ttft_ms");
            else g.writeNumberField("ttft_ms", o.ttftMs());
            g.writeArrayFieldStart("chunk_ms");
            for (double ms : o.chunkMs()) g.writeNumber(ms);
            g.writeEndArray();
            if (o.usage() == null) {
                g.writeNullField("tokens");
            } else {
                g.writeObjectFieldStart("tokens");
                g.writeNumberField("input", o.usage().inputTokens());
                g.writeNumberField("output", o.usage().outputTokens());
                g.writeEndObject();
            }
            g.writeNumberField("attempts", o.attempts());
            g.writeNumberField("throttled", o.throttled());
            g.writeStringField("error", o.error() == null ? null : o.error().wireName());
            g.writeStringField("error_message", Secrets.redact(o.errorMessage()));
            g.writeNumberField("cost_usd", o.costUsd());
            g.writeStringField("output", Secrets.redact(o.output()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a requests.jsonl row", e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
