package dev.fieldtest.core.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * The shape of an input (docs/drift.md), first match wins: {@code json-object} or {@code json-array} when the whole
 * trimmed text parses as that JSON; {@code code} when it holds a ``` fence or at least two lines look like code
 * ({@link #CODE_LINE}); {@code list} when at least two lines start with a bullet or a number and a dot or parenthesis;
 * otherwise {@code plain}.
 */
public final class Structure {
    /** A line ending in { } ; or starting with a keyword of a common language, or a SQL SELECT … FROM. */
    static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:.*[{};]\\s*|(?:def|class|import|from|function|return|public|private|const|let|var|#include|package|fn|func)\\b.*"
                    + "|(?i:select)\\b.*\\b(?i:from)\\b.*)$");
    static final Pattern LIST_LINE = Pattern.compile("^\\s*(?:[-*•+]|\\d{1,3}[.)])\\s+\\S.*$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Structure() {}

    public static String of(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(t);
                if (node != null && node.isObject()) return "json-object";
                if (node != null && node.isArray()) return "json-array";
            } catch (Exception notJson) {
                // falls through to the other shapes
            }
        }
        if (t.contains("```")) return "code";
        String[] lines = t.split("\\R");
        int code = 0, list = 0;
        for (String line : lines) {
            if (CODE_LINE.matcher(line).matches()) code++;
            if (LIST_LINE.matcher(line).matches()) list++;
        }
        if (code >= 2) return "code";
        return list >= 2 ? "list" : "plain";
    }
}
