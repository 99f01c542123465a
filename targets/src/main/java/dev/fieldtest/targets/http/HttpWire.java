package dev.fieldtest.targets.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.WireProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any JSON service's answer with JSON Pointers. A 2xx body that is not JSON, or has nothing at the output
 * pointer, is {@code malformed_response} naming the pointer and the keys that are there; the status maps as
 * for openai (429 throttled, 5xx server_error, other 4xx client_error). Immutable.
 */
record HttpWire(JsonPointer output, JsonPointer inputTokens, JsonPointer outputTokens) implements WireProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Attempt completion(byte[] body, double latencyMs, String url) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null) {
            return Attempt.failure(ErrorClass.MALFORMED_RESPONSE, "the response from " + url + " is not JSON: " + snippet(body), latencyMs, 200);
        }
        JsonNode answer = root.at(output);
        if (answer.isMissingNode() || answer.isNull()) {
            return Attempt.failure(ErrorClass.MALFORMED_RESPONSE, "the response from " + url + " has nothing at output pointer " + output
                    + "; " + whatIsThere(root, output), latencyMs, 200);
        }
        String text = answer.isValueNode() ? answer.asText() : answer.toString(); // an object or array answer is kept as JSON
        return Attempt.success(text, null, null, usage(root), latencyMs, null, null);
    }

    /** Usage when both pointers are set and both lead to whole numbers; otherwise none (the tokenizer may count). */
    private Usage usage(JsonNode root) {
        if (inputTokens == null || outputTokens == null) return null;
        JsonNode in = root.at(inputTokens), out = root.at(outputTokens);
        if (!in.canConvertToLong() || !out.canConvertToLong() || !in.isNumber() || !out.isNumber()) return null;
        return new Usage(Math.max(0, in.asLong()), Math.max(0, out.asLong()));
    }

    /** The deepest part of the pointer that exists, and its keys, so a wrong pointer is quick to fix. */
    private static String whatIsThere(JsonNode root, JsonPointer pointer) {
        JsonPointer found = pointer;
        while (!found.matches() && root.at(found).isMissingNode()) found = found.head();
        JsonNode node = root.at(found);
        String at = found.toString().isEmpty() ? "the top level" : found.toString();
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return at + " has keys " + keys;
        }
        return at + " is " + (node.isArray() ? "an array of " + node.size() : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Attempt error(int status, byte[] body, String url, double latencyMs) {
        ErrorClass c = status == 429 ? ErrorClass.THROTTLED : status >= 500 ? ErrorClass.SERVER_ERROR : ErrorClass.CLIENT_ERROR;
        String detail = snippet(body);
        return Attempt.failure(c, "HTTP " + status + " from " + url + (detail.isEmpty() ? "" : ": " + detail), latencyMs, status);
    }

    @Override
    public Attempt stream(InputStream in, String url, long sentNanos) {
        // never asked (the target does not stream); a failure rather than an exception keeps this protocol's promise
        return Attempt.failure(ErrorClass.MALFORMED_RESPONSE, "type: http does not read event streams from " + url, 0, 200);
    }

    private static String snippet(byte[] body) {
        String line = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
