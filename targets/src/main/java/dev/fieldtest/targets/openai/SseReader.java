package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.AttemptRunner;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Chat Completions event stream (server-sent events) into an {@link Attempt}, timing every chunk
 * that carries content. The stream is complete only at {@code data: [DONE]}; an end or break before it is
 * {@code truncated_stream}, a chunk that is not JSON or lacks {@code choices} is {@code malformed_response}, and
 * an {@code {"error": ...}} chunk (sent by some servers mid-stream) is {@code server_error}. One instance per stream.
 */
final class SseReader {
    private final String url;
    private final long sentNanos;
    private final StringBuilder text = new StringBuilder();
    private final List<Double> chunkMs = new ArrayList<>();
    private String finishReason;
    private String model;
    private Usage usage;
    private int chunks;

    SseReader(String url, long sentNanos) {
        this.url = url;
        this.sentNanos = sentNanos;
    }

    /** Never throws: a broken connection is a truncated stream. */
    Attempt read(InputStream in) {
        StringBuilder data = new StringBuilder();
        long eventNanos = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) { // a blank line ends an event
                    if (data.isEmpty()) continue;
                    Attempt end = event(data.toString(), eventNanos);
                    if (end != null) return end;
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (data.isEmpty()) eventNanos = System.nanoTime();
                    else data.append('\n');
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                } // comments (":"), event:, id: and retry: lines carry nothing for this protocol
            }
            if (data.toString().equals("[DONE]")) return done(); // lenient: [DONE] without its blank line
            return truncated("the stream from " + url + " ended after " + chunks + " chunks without data: [DONE]");
        } catch (IOException e) {
            return truncated("the stream from " + url + " broke after " + chunks + " chunks: " + AttemptRunner.reason(e));
        }
    }

    /** Handles one event; returns the final attempt when the stream is over, else null. */
    private Attempt event(String data, long atNanos) {
        if (data.equals("[DONE]")) return done();
        chunks++;
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return failure(ErrorClass.MALFORMED_RESPONSE, "chunk " + chunks + " of the stream from " + url + " is not JSON: " + Json.snippet(data, 80));
        }
        if (root.has("error")) {
            JsonNode e = root.get("error");
            String m = e.isObject() ? Json.text(e.get("message")) : Json.text(e);
            return failure(ErrorClass.SERVER_ERROR, "the stream from " + url + " reported an error: " + Json.snippet(String.valueOf(m), 300));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            return failure(ErrorClass.MALFORMED_RESPONSE, "chunk " + chunks + " of the stream from " + url + " has no choices");
        }
        if (Json.text(root.get("model")) != null) model = root.get("model").asText();
        Usage reported = Json.usage(root);
        if (reported != null) usage = reported;
        if (!choices.isEmpty()) {
            String content = Json.text(choices.get(0).path("delta").get("content"));
            if (content != null && !content.isEmpty()) {
                chunkMs.add((atNanos - sentNanos) / 1e6);
                text.append(content);
            }
            String finish = Json.text(choices.get(0).get("finish_reason"));
            if (finish != null) finishReason = finish;
        }
        return null;
    }

    private Attempt done() {
        double latency = (System.nanoTime() - sentNanos) / 1e6;
        if (chunks == 0) return failure(ErrorClass.MALFORMED_RESPONSE, "the stream from " + url + " sent [DONE] before any chunk");
        return Attempt.success(text.toString(), finishReason, model, usage, latency, chunkMs.isEmpty() ? null : chunkMs.get(0), chunkMs);
    }

    private Attempt truncated(String message) {
        return failure(ErrorClass.TRUNCATED_STREAM, message);
    }

    private Attempt failure(ErrorClass error, String message) {
        return Attempt.failure(error, message, (System.nanoTime() - sentNanos) / 1e6, 200).withUsage(usage, model);
    }
}
