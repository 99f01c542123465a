package dev.fieldtest.core.perturb;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Broken input. {@code broken-json} cuts a JSON object or array (or, for other values, {@code {"input": "…"}}
 * around the text) somewhere in its middle third, so brackets and quotes are left open; a proper prefix
 * of a JSON object or array is never valid JSON. {@code mixed-encoding} garbles a run of about half the
 * words the way text pasted from a word processor comes out of a wrong decoder: spaces become no-break
 * spaces and apostrophes ’, then the run's UTF-8 bytes are read as Latin-1 ("café" becomes "cafÃ©", the
 * gaps between plain ASCII words "Â" and a no-break space). {@code auto} picks
 * broken-json for JSON values and mixed-encoding for other text.
 */
public record Malformed(Mode mode) implements Transform {
    /** Which kind of breakage. */
    public enum Mode { AUTO, BROKEN_JSON, MIXED_ENCODING }

    @Override
    public Object apply(Object value, Random rnd) {
        boolean json = isJson(value);
        if (mode == Mode.BROKEN_JSON || (mode == Mode.AUTO && json)) return brokenJson(value, json, rnd);
        return mixedEncoding(Json.text(value), rnd);
    }

    @Override
    public boolean structured() {
        return true;
    }

    static boolean isJson(Object value) {
        if (value instanceof Map || value instanceof List) return true;
        return value instanceof String s && (Json.read(s.strip()) instanceof Map || Json.read(s.strip()) instanceof List);
    }

    private static String brokenJson(Object value, boolean json, Random rnd) {
        String text = json ? Json.text(value).strip() : "{\"input\": " + Json.write(Json.text(value)) + "}";
        int third = text.length() / 3;
        return text.substring(0, Math.max(1, third + rnd.nextInt(Math.max(1, third))));
    }

    private static String mixedEncoding(String s, Random rnd) {
        List<Words.Span> tokens = Words.tokens(s);
        if (tokens.isEmpty()) return s;
        int run = (tokens.size() + 1) / 2;
        int first = rnd.nextInt(tokens.size() - run + 1);
        int start = tokens.get(first).start();
        int end = tokens.get(first + run - 1).end();
        String pasted = s.substring(start, end).replace(' ', '\u00A0').replace('\'', '\u2019');
        String garbled = new String(pasted.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return s.substring(0, start) + garbled + s.substring(end);
    }
}
