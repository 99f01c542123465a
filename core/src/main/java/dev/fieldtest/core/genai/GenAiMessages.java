package dev.fieldtest.core.genai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the messages of an OpenTelemetry GenAI span ({@code gen_ai.input.messages} / {@code gen_ai.output.messages}):
 * the semantic conventions' {@code [{"role", "parts": [{"type": "text", "content"}]}]} or the older
 * {@code [{"role", "content": "..."}]}. Text parts are joined with newlines; other parts (tool calls, media) are left
 * out, and so is a message with no text at all. The one reader for ingest, metrics, sampling and online scoring.
 */
public final class GenAiMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenAiMessages() {}

    /** The messages in {@code json}; none when it is null or blank. */
    public static List<Message> parse(String json) throws IOException {
        if (json == null || json.isBlank()) return List.of();
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isArray()) {
            throw new IOException("expected a JSON array of messages, but found " + (root == null ? "nothing" : root.getNodeType()));
        }
        List<Message> out = new ArrayList<>();
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

    /** {@link #parse}, with text that is not message JSON read as no messages. */
    public static List<Message> parseOrEmpty(String json) {
        try {
            return parse(json);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The messages' text, one per line. */
    public static String text(List<Message> messages) {
        return String.join("\n", messages.stream().map(Message::content).toList());
    }
}
