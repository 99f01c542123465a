package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.Attempt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ErrorClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a whole (non-streamed) response body into an {@link Attempt}. */
final class Responses {
    private static final int MAX_MESSAGE = 300;

    private Responses() {}

    /** A 2xx body: {@code choices[0].message.content}, finish_reason, model and usage. */
    static Attempt completion(byte[] body, double latencyMs, String url) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return malformed("the response from " + url + " is not JSON: " + Json.snippet(new String(body, StandardCharsets.UTF_8), 80), latencyMs);
        }
        if (root == null || !root.isObject()) return malformed("the response from " + url + " is not a JSON object", latencyMs);
        if (root.has("error")) {
            return malformed("HTTP 200 from " + url + " carried an error: " + message(root, body), latencyMs);
        }
        JsonNode choices = root.get("choices");
        JsonNode message = choices == null || !choices.isArray() || choices.isEmpty() ? null : choices.get(0).get("message");
        if (message == null || !message.isObject()) {
            return malformed("the response from " + url + " has no choices[0].message; is base_url a Chat Completions API?", latencyMs);
        }
        String content = Json.text(message.get("content"));
        if (content == null) content = Json.text(message.get("refusal")); // a refusal is still the model's answer
        return Attempt.success(content == null ? "" : content, Json.text(choices.get(0).get("finish_reason")),
                Json.text(root.get("model")), Json.usage(root), latencyMs, null, null);
    }

    /** A non-2xx response: 429 throttled, 5xx server error, anything else a client error. */
    static Attempt error(int status, byte[] body, String url, double latencyMs) {
        ErrorClass error = status == 429 ? ErrorClass.THROTTLED : status >= 500 ? ErrorClass.SERVER_ERROR : ErrorClass.CLIENT_ERROR;
        JsonNode root = null;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            // fall back to the raw text below
        }
        String detail = message(root, body);
        String hint = status >= 300 && status < 400 ? " (redirects are not followed; set base_url to the final address)" : "";
        return Attempt.failure(error, "HTTP " + status + " from " + url + (detail.isEmpty() ? "" : ": " + detail) + hint, latencyMs, status);
    }

    private static String message(JsonNode root, byte[] body) {
        String m = null;
        if (root != null && root.isObject()) {
            JsonNode error = root.get("error");
            m = error != null && error.isObject() ? Json.text(error.get("message")) : Json.text(error);
            if (m == null) m = Json.text(root.get("message"));
        }
        if (m == null) m = new String(body, StandardCharsets.UTF_8);
        return Json.snippet(m, MAX_MESSAGE);
    }

    private static Attempt malformed(String message, double latencyMs) {
        return Attempt.failure(ErrorClass.MALFORMED_RESPONSE, message, latencyMs, 200);
    }
}
