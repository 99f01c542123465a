package dev.fieldtest.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error bodies in the OpenAI shape {@code {"error": {"message", "type", "param", "code"}}}, as clients parse them. */
final class ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {}

    /** The body the provider sends with {@code status} (429 or 5xx). */
    static byte[] forStatus(int status) {
        return switch (status) {
            case 429 -> body("Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded");
            case 503 -> body("The engine is currently overloaded, please try again later.", "server_error", null);
            default -> body("The server had an error while processing your request. Sorry about that!", "server_error", null);
        };
    }

    static byte[] body(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) error.putNull("code");
        else error.put("code", code);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
    }
}
