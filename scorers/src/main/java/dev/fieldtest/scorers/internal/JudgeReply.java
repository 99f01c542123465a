package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a judge's reply: the first JSON object in the text. Judges wrap JSON in prose or code fences, so
 * the object may sit anywhere; text that is not JSON, malformed JSON and an object without the wanted
 * field all yield {@link #NONE}. Internal, not API. Thread-safe.
 */
public final class JudgeReply {
    public static final JsonNode NONE = null;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Braces tried before giving up, so a pathological reply costs linear-ish time, not quadratic. */
    private static final int MAX_TRIES = 64;

    private JudgeReply() {}

    /** The first well-formed JSON object in {@code text}, or null when there is none. */
    public static JsonNode firstObject(String text) {
        if (text == null) return NONE;
        int tries = 0;
        for (int at = text.indexOf('{'); at >= 0 && tries < MAX_TRIES; at = text.indexOf('{', at + 1), tries++) {
            try (JsonParser p = JSON.getFactory().createParser(text.substring(at))) {
                JsonNode node = JSON.readTree(p); // reads one value and ignores what follows it
                if (node != null && node.isObject()) return node;
            } catch (IOException malformed) {
                // not JSON from this brace on; a later brace may start the object
            }
        }
        return NONE;
    }

    /** The object's {@code reason} as text, or "" when it gave none. */
    public static String reason(JsonNode reply) {
        return text(reply, "reason");
    }

    /** The object's {@code field} as text (a non-text value as its JSON), or "" when it gave none. */
    public static String text(JsonNode reply, String field) {
        JsonNode r = reply == null ? null : reply.get(field);
        return r == null || r.isNull() ? "" : r.isTextual() ? r.asText() : r.toString();
    }
}
