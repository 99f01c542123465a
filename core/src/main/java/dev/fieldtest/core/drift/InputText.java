package dev.fieldtest.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text drift compares: the contents of an input's {@code user} messages joined by a blank line, or of every
 * message when none has the user role. Golden inputs come as rendered {@link Message}s; production inputs as the
 * OpenTelemetry GenAI {@code gen_ai.input.messages} JSON text, in either shape: {@code {"role", "parts": [{"type":
 * "text", "content"}]}} or {@code {"role", "content"}} with content a string or a list of {@code {"text"}} parts.
 */
public final class InputText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputText() {}

    public static String of(List<Message> messages) {
        List<String[]> pairs = messages.stream().map(m -> new String[] {m.role(), m.content()}).toList();
        return join(pairs);
    }

    /** The text of a production span's input messages, or empty when the JSON is missing, malformed or has no text. */
    public static Optional<String> ofJson(String inputMessages) {
        if (inputMessages == null || inputMessages.isBlank()) return Optional.empty();
        JsonNode root;
        try {
            root = JSON.readTree(inputMessages);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null || !root.isArray()) return Optional.empty();
        List<String[]> pairs = new ArrayList<>();
        for (JsonNode m : root) {
            StringBuilder text = new StringBuilder();
            collect(m.has("parts") ? m.get("parts") : m.get("content"), text);
            if (!text.isEmpty()) pairs.add(new String[] {m.path("role").asText(""), text.toString()});
        }
        String joined = join(pairs);
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    private static void collect(JsonNode content, StringBuilder out) {
        if (content == null || content.isNull()) return;
        if (content.isTextual()) {
            append(out, content.asText());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.isTextual()) append(out, part.asText());
                else if (part.path("text").isTextual()) append(out, part.get("text").asText());
                else if (part.path("type").asText("text").equals("text") && part.path("content").isTextual()) append(out, part.get("content").asText());
            }
        }
    }

    private static void append(StringBuilder out, String s) {
        if (!out.isEmpty()) out.append('\n');
        out.append(s);
    }

    private static String join(List<String[]> roleAndText) {
        List<String> user = roleAndText.stream().filter(p -> p[0].equals("user")).map(p -> p[1]).toList();
        List<String> chosen = user.isEmpty() ? roleAndText.stream().map(p -> p[1]).toList() : user;
        return String.join("\n\n", chosen);
    }
}
