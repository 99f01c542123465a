package dev.fieldtest.targets.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.AttemptRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messages API event stream into an {@link Attempt}. Usage comes from message_start (input and cache
 * tokens) and message_delta (output tokens, cumulative); text from content_block_delta's text_delta, each
 * timed (TTFT is the first). Complete only at message_stop; an end before it is {@code truncated_stream}, an
 * {@code error} event is classed by its type ({@link AnthropicWire#streamError}). One instance per stream.
 */
final class AnthropicStreamReader {
    private final String url;
    private final long sentNanos;
    private final StringBuilder text = new StringBuilder();
    private final List<Double> chunkMs = new ArrayList<>();
    private String stopReason;
    private String model;
    private Usage usage;
    private int events;

    AnthropicStreamReader(String url, long sentNanos) {
        this.url = url;
        this.sentNanos = sentNanos;
    }

    /** Never throws: a broken connection is a truncated stream. */
    Attempt read(InputStream in) {
        StringBuilder data = new StringBuilder();
        long at = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.isEmpty()) continue;
                    Attempt end = event(data.toString(), at);
                    if (end != null) return end;
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (data.isEmpty()) at = System.nanoTime();
                    else data.append('\n');
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                } // "event:" repeats the data's type; comments and id:/retry: carry nothing here
            }
            if (!data.isEmpty()) {
                Attempt end = event(data.toString(), at); // a last event without its blank line
                if (end != null) return end;
            }
            return failure(ErrorClass.TRUNCATED_STREAM, "the stream from " + url + " ended after " + events + " events without message_stop");
        } catch (IOException e) {
            return failure(ErrorClass.TRUNCATED_STREAM, "the stream from " + url + " broke after " + events + " events: " + AttemptRunner.reason(e));
        }
    }

    private Attempt event(String data, long atNanos) {
        events++;
        JsonNode root;
        try {
            root = AnthropicWire.MAPPER.readTree(data);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return failure(ErrorClass.MALFORMED_RESPONSE, "event " + events + " of the stream from " + url + " is not JSON: " + AnthropicWire.snippet(data));
        }
        switch (root.path("type").asText()) {
            case "message_start" -> {
                JsonNode m = root.path("message");
                model = AnthropicWire.textOf(m.get("model"));
                usage = AnthropicWire.usage(m.get("usage"), usage);
            }
            case "content_block_delta" -> {
                JsonNode d = root.path("delta");
                String piece = "text_delta".equals(d.path("type").asText()) ? AnthropicWire.textOf(d.get("text")) : null;
                if (piece != null && !piece.isEmpty()) {
                    chunkMs.add((atNanos - sentNanos) / 1e6);
                    text.append(piece);
                }
            }
            case "message_delta" -> {
                String stop = AnthropicWire.textOf(root.path("delta").get("stop_reason"));
                if (stop != null) stopReason = stop;
                usage = AnthropicWire.usage(root.get("usage"), usage);
            }
            case "message_stop" -> {
                return Attempt.success(text.toString(), stopReason, model, usage, (System.nanoTime() - sentNanos) / 1e6,
                        chunkMs.isEmpty() ? null : chunkMs.get(0), chunkMs);
            }
            case "error" -> {
                JsonNode e = root.path("error");
                String type = AnthropicWire.textOf(e.get("type"));
                return failure(AnthropicWire.streamError(type), "the stream from " + url + " reported " + (type == null ? "an error" : type)
                        + ": " + AnthropicWire.snippet(String.valueOf(AnthropicWire.textOf(e.get("message")))));
            }
            default -> { } // ping, content_block_start/stop and event types added later carry no text
        }
        return null;
    }

    private Attempt failure(ErrorClass error, String message) {
        return Attempt.failure(error, message, (System.nanoTime() - sentNanos) / 1e6, 200).withUsage(usage, model);
    }
}
