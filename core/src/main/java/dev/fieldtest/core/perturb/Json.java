package dev.fieldtest.core.perturb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text of plain values, and lenient reads that say "not JSON" instead of throwing. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Marks "this text is not a JSON value" (null is a valid JSON value). */
    static final Object NOT_JSON = new Object();

    private Json() {}

    /** Strings as they are, everything else as compact JSON: what a template inserts. */
    static String text(Object value) {
        if (value instanceof String s) return s;
        if (value == null) return "";
        return write(value);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The plain value of {@code text}, or {@link #NOT_JSON}. */
    static Object read(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return NOT_JSON;
        }
    }
}
