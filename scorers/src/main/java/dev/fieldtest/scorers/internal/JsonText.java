package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parses output as exactly one strict JSON value (RFC 8259: no comments, single quotes, NaN or trailing
 * commas; whitespace around it is fine, any other text after it is not). Jackson's default limits on
 * nesting depth and token sizes guard against hostile output. Internal, not API. Thread-safe.
 */
public final class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parsed value, or why the text is not one JSON value: exactly one of the two is set. */
    public record Parsed(JsonNode value, String problem) {}

    private JsonText() {}

    public static Parsed parse(String text) {
        if (text.isBlank()) return new Parsed(null, "the output is empty, not JSON");
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode value = JSON.readTree(parser);
            int end = (int) parser.currentLocation().getCharOffset();
            String rest = text.substring(Math.min(end, text.length()));
            if (!rest.isBlank()) {
                int at = end + (rest.length() - rest.stripLeading().length());
                return new Parsed(null, "text after the JSON value at " + lineColumn(text, at) + ": " + Quote.of(text.substring(at)) + hint(text));
            }
            return new Parsed(value, null);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int at = where == null ? 0 : (int) Math.max(0, Math.min(where.getCharOffset(), text.length()));
            return new Parsed(null, "not valid JSON at " + lineColumn(text, at) + ": " + reason(e) + " in " + Quote.around(text, at) + hint(text));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string cannot do I/O", e);
        }
    }

    /** Jackson's message without its source excerpt, location marker or advice on parser features. */
    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        m = m.replaceAll("\\s*\\(start marker at .*", "")
                .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "a JSON value");
        int advice = m.indexOf(": enable ");
        if (advice > 0) m = m.substring(0, advice);
        return Quote.shorten(m, 100);
    }

    /** Models often wrap JSON in a Markdown fence; say how to take it out. */
    private static String hint(String text) {
        return text.strip().startsWith("```") ? " (the output is in a ``` fence; add extract: '(?s)```(?:json)?\\s*(.*?)```' to take the JSON out)" : "";
    }

    private static String lineColumn(String text, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (text.codePointCount(lineStart, at) + 1);
    }
}
