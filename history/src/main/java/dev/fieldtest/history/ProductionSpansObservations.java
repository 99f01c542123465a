package dev.fieldtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * A production span as a core {@link Observation}, so production calls are scored and summed by the same code as
 * offline runs. Target id: the model; case id: {@code <trace_id>/<span_id>}. Messages are read from the GenAI
 * semantic conventions' JSON ({@code [{"role": ..., "parts": [{"type": "text", "content": ...}]}]}) or the older
 * {@code [{"role": ..., "content": "..."}]}; text parts are joined with newlines, other parts are left out.
 */
public final class ProductionSpansObservations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductionSpansObservations() {}

    public static Observation of(ProductionSpan s) {
        List<Message> input = messages(s.inputMessages());
        ErrorClass error = null;
        String output = null;
        if (s.errorType() != null) {
            ErrorClass c = ProductionSpansErrors.classify(s.errorType());
            error = c == null ? ErrorClass.SERVER_ERROR : c;
        } else {
            output = messages(s.outputMessages()).stream().map(Message::content).reduce((a, b) -> a + "\n" + b).orElse("");
        }
        Usage usage = s.inputTokens() == null && s.outputTokens() == null ? null
                : new Usage(s.inputTokens() == null ? 0 : s.inputTokens(), s.outputTokens() == null ? 0 : s.outputTokens());
        return new Observation(s.model(), s.traceId() + "/" + s.spanId(), 0, input, output, usage,
                s.durationMs() == null ? 0 : s.durationMs(), s.ttftMs(), List.of(), 1, error == ErrorClass.THROTTLED ? 1 : 0, error,
                s.errorType(), s.costUsd() == null ? 0 : s.costUsd(), s.finishReasons().isEmpty() ? null : s.finishReasons().get(0), s.responseModel());
    }

    /** The messages in a gen_ai.*.messages JSON text; empty when absent or not that shape. */
    public static List<Message> messages(String json) {
        List<Message> out = new ArrayList<>();
        if (json == null) return out;
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return out;
        }
        if (root == null || !root.isArray()) return out;
        for (JsonNode m : root) {
            String role = m.path("role").asText("user");
            if (m.path("content").isTextual()) {
                out.add(new Message(role, m.get("content").asText()));
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode p : m.path("parts")) {
                if (p.path("type").asText("text").equals("text") && p.path("content").isTextual()) texts.add(p.get("content").asText());
            }
            if (!texts.isEmpty()) out.add(new Message(role, String.join("\n", texts)));
        }
        return out;
    }
}
