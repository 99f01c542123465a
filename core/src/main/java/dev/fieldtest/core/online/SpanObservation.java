package dev.fieldtest.core.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a production span into the {@link Observation} and {@link Case} a check sees. The case is empty (no
 * variables, no expected answer, no expected behaviour; tagged {@code feature:<name>}), because a production
 * input matches no case. Messages are read in the OpenTelemetry GenAI shape ({@code [{role, parts: [{type:
 * "text", content}]}]}) or the older {@code [{role, content}]}. Stateless.
 */
public final class SpanObservation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpanObservation() {}

    /** An observation and its case, or why the span cannot be scored ({@code skipReason} set, the others null). */
    public record Converted(Observation observation, Case testCase, String skipReason) {}

    public static Converted of(OnlineSpan s) {
        String key = s.traceId() + "/" + s.spanId();
        Case c = new Case(key, Map.of(), null, List.of("feature:" + s.feature()), null, null);
        List<Message> input;
        try {
            input = messages(s.inputMessages());
        } catch (IOException | RuntimeException e) {
            return new Converted(null, null, "input messages are not GenAI message JSON: " + e.getMessage());
        }
        Usage usage = s.inputTokens() == null && s.outputTokens() == null ? null
                : new Usage(s.inputTokens() == null ? 0 : s.inputTokens(), s.outputTokens() == null ? 0 : s.outputTokens());
        String finish = s.finishReasons().isEmpty() ? null : s.finishReasons().get(0);
        double latency = s.durationMs() == null ? 0 : s.durationMs();
        double cost = s.costUsd() == null ? 0 : s.costUsd();
        if (s.errorType() != null) {
            return new Converted(new Observation(s.model(), key, 0, input, null, usage, latency, s.ttftMs(), List.of(), 1, 0,
                    errorClass(s.errorType()), "error.type=" + s.errorType(), cost, finish, s.responseModel()), c, null);
        }
        String output;
        try {
            output = s.outputMessages() == null ? null : text(messages(s.outputMessages()));
        } catch (IOException | RuntimeException e) {
            return new Converted(null, null, "output messages are not GenAI message JSON: " + e.getMessage());
        }
        if (output == null) return new Converted(null, null, "the span recorded no output messages");
        return new Converted(new Observation(s.model(), key, 0, input, output, usage, latency, s.ttftMs(), List.of(), 1, 0,
                null, null, cost, finish, s.responseModel()), c, null);
    }

    /** The span's messages; an absent text is no messages. */
    static List<Message> messages(String json) throws IOException {
        if (json == null || json.isBlank()) return List.of();
        JsonNode root = JSON.readTree(json);
        if (!root.isArray()) throw new IOException("expected a JSON array of messages, but found " + root.getNodeType());
        List<Message> out = new ArrayList<>();
        for (JsonNode m : root) {
            String role = m.path("role").asText("user");
            StringBuilder content = new StringBuilder();
            if (m.path("parts").isArray()) {
                for (JsonNode part : m.path("parts")) {
                    if (!part.path("type").asText("text").equals("text")) continue; // tool calls, media: not text a check reads
                    if (!content.isEmpty()) content.append('\n');
                    content.append(part.path("content").asText(""));
                }
            } else {
                content.append(m.path("content").asText(""));
            }
            out.add(new Message(role, content.toString()));
        }
        return out;
    }

    private static String text(List<Message> messages) {
        return String.join("\n", messages.stream().map(Message::content).toList());
    }

    /** error.type is free text; the classes offline uses are matched by name, the rest by what they say. */
    static ErrorClass errorClass(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        for (ErrorClass e : ErrorClass.values()) if (e.wireName().equals(t)) return e;
        if (t.contains("timeout") || t.contains("timed out")) return ErrorClass.TIMEOUT;
        if (t.contains("429") || t.contains("ratelimit") || t.contains("rate_limit")) return ErrorClass.THROTTLED;
        if (t.contains("connect")) return ErrorClass.CONNECTION;
        if (t.matches("4\\d\\d") || t.contains("badrequest") || t.contains("auth") || t.contains("notfound")) return ErrorClass.CLIENT_ERROR;
        return ErrorClass.SERVER_ERROR;
    }
}
