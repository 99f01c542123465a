package dev.fieldtest.targets.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Usage;
import java.util.List;
import java.util.Map;

/** The Chat Completions JSON this target writes and the common pieces it reads. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** {model, messages, ...params, stream[, stream_options.include_usage]}; params are copied verbatim. */
    static byte[] requestBody(String model, List<Message> messages, Map<String, Object> params, boolean stream) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        var list = body.putArray("messages");
        for (Message m : messages) list.addObject().put("role", m.role()).put("content", m.content());
        params.forEach((k, v) -> body.set(k, MAPPER.valueToTree(v)));
        body.put("stream", stream);
        if (stream) {
            // without it the API sends no usage on streams, and cost would read as zero
            ObjectNode options = body.has("stream_options") && body.get("stream_options").isObject()
                    ? (ObjectNode) body.get("stream_options") : body.putObject("stream_options");
            options.put("include_usage", true);
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    /** {@code usage.prompt_tokens}/{@code completion_tokens}, or null when the node carries no usage. */
    static Usage usage(JsonNode root) {
        JsonNode u = root.get("usage");
        if (u == null || !u.isObject()) return null;
        return new Usage(Math.max(0, u.path("prompt_tokens").asLong(0)), Math.max(0, u.path("completion_tokens").asLong(0)));
    }

    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** The start of a body for an error message, on one line. */
    static String snippet(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
