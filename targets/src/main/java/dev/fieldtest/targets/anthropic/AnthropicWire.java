package dev.fieldtest.targets.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Usage;
import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.WireProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Messages API on the wire: the request body, a whole message, an error body and (through
 * {@link AnthropicStreamReader}) the event stream. Error mapping: 429 and {@code rate_limit_error} are
 * {@code throttled}; 5xx, including 529 {@code overloaded_error}, are {@code server_error} (an overloaded
 * provider is not a sign the caller sends too fast, which is what {@code throttled} counts); other 4xx are
 * {@code client_error}.
 */
final class AnthropicWire implements WireProtocol {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Error types that blame the request, as the API's 4xx statuses do. */
    private static final Set<String> REQUEST_ERRORS = Set.of("invalid_request_error", "authentication_error",
            "permission_error", "not_found_error", "request_too_large");

    /** {model, max_tokens, system?, messages, stream, ...params}; system messages join into the top-level system. */
    static byte[] requestBody(AnthropicSettings s, List<Message> messages) {
        ObjectNode body = MAPPER.createObjectNode().put("model", s.model()).put("max_tokens", s.maxTokens());
        List<String> system = new ArrayList<>();
        var list = MAPPER.createArrayNode();
        for (Message m : messages) {
            if (m.role().equals("system")) system.add(m.content());
            else list.addObject().put("role", m.role()).put("content", m.content());
        }
        if (!system.isEmpty()) body.put("system", String.join("\n\n", system));
        body.set("messages", list);
        s.params().forEach((k, v) -> body.set(k, MAPPER.valueToTree(v)));
        if (s.stream()) body.put("stream", true);
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    @Override
    public Attempt completion(byte[] body, double latencyMs, String url) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.path("content").isArray()) {
            return Attempt.failure(ErrorClass.MALFORMED_RESPONSE, "the response from " + url + " is not a Messages API message: "
                    + snippet(new String(body, StandardCharsets.UTF_8)), latencyMs, 200);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : root.get("content")) {
            if ("text".equals(block.path("type").asText())) text.append(block.path("text").asText());
        }
        return Attempt.success(text.toString(), textOf(root.get("stop_reason")), textOf(root.get("model")), usage(root.get("usage"), null),
                latencyMs, null, null);
    }

    @Override
    public Attempt error(int status, byte[] body, String url, double latencyMs) {
        JsonNode root = null;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException notJson) {
            // the raw text is the message below
        }
        JsonNode e = root == null ? null : root.path("error");
        String type = e == null ? null : textOf(e.get("type"));
        String message = e == null || textOf(e.get("message")) == null ? new String(body, StandardCharsets.UTF_8) : e.get("message").asText();
        ErrorClass c = status == 429 ? ErrorClass.THROTTLED : status >= 500 ? ErrorClass.SERVER_ERROR : ErrorClass.CLIENT_ERROR;
        return Attempt.failure(c, "HTTP " + status + " from " + url + (type == null ? "" : " (" + type + ")") + ": " + snippet(message),
                latencyMs, status);
    }

    @Override
    public Attempt stream(InputStream in, String url, long sentNanos) {
        return new AnthropicStreamReader(url, sentNanos).read(in);
    }

    /** The error class of an {@code error} event inside a stream, by its type. */
    static ErrorClass streamError(String type) {
        if ("rate_limit_error".equals(type)) return ErrorClass.THROTTLED;
        if (REQUEST_ERRORS.contains(type)) return ErrorClass.CLIENT_ERROR;
        return ErrorClass.SERVER_ERROR; // overloaded_error, api_error and types yet unknown
    }

    /** usage {input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens}; null when absent. */
    static Usage usage(JsonNode u, Usage before) {
        if (u == null || !u.isObject()) return before;
        long in = u.has("input_tokens") ? u.path("input_tokens").asLong(0) : before == null ? 0 : before.inputTokens();
        long out = u.has("output_tokens") ? u.path("output_tokens").asLong(0) : before == null ? 0 : before.outputTokens();
        long write = u.has("cache_creation_input_tokens") ? u.path("cache_creation_input_tokens").asLong(0) : before == null ? 0 : before.cacheWriteTokens();
        long read = u.has("cache_read_input_tokens") ? u.path("cache_read_input_tokens").asLong(0) : before == null ? 0 : before.cacheReadTokens();
        return new Usage(Math.max(0, in), Math.max(0, out), Math.max(0, write), Math.max(0, read), Usage.Source.PROVIDER);
    }

    static String textOf(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    static String snippet(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
