package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as {@link FakeOpenAiServer} received it, for assertions. Immutable.
 *
 * @param method  HTTP method, such as {@code POST}
 * @param path    request path without the query, such as {@code /v1/chat/completions}
 * @param headers header values by lower-case name
 * @param body    the parsed JSON body; null when the body was empty or not JSON
 * @param rawBody the body as UTF-8 text
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body, String rawBody) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the body asked for a stream ({@code "stream": true}). */
    public boolean stream() {
        return body != null && body.path("stream").asBoolean(false);
    }

    /** Whether a stream should end with a usage chunk ({@code stream_options.include_usage: true}). */
    public boolean includeUsage() {
        return body != null && body.path("stream_options").path("include_usage").asBoolean(false);
    }

    /** The {@code model} of the body, or null. */
    public String model() {
        JsonNode m = body == null ? null : body.get("model");
        return m == null || !m.isTextual() ? null : m.asText();
    }

    /** The text of the last message with role {@code user}; {@code ""} when there is none. */
    public String lastUserMessage() {
        if (body == null) return "";
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) return Tokens.text(messages.get(i).get("content"));
        }
        return "";
    }
}
