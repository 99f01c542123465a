package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deterministic stand-ins for a tokenizer: a "token" is a whitespace-separated word. */
final class Tokens {
    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\s*\\S+\\s*|\\s+");

    private Tokens() {}

    static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Words over the contents of every message of the body. */
    static int promptWords(JsonNode body) {
        int n = 0;
        if (body != null) {
            for (JsonNode m : body.path("messages")) n += words(text(m.get("content")));
        }
        return n;
    }

    /** A message content as text: a string, or the {@code text} parts of a content array joined by spaces. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        List<String> parts = new ArrayList<>();
        for (JsonNode part : content) {
            if (part.has("text")) parts.add(part.get("text").asText());
        }
        return String.join(" ", parts);
    }

    /** Pieces that concatenate to {@code text}: one per word when {@code count} is 0, else {@code count} near-equal ones. */
    static List<String> split(String text, int count) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) return out;
        if (count == 0) {
            Matcher m = WORD_WITH_SPACE.matcher(text);
            while (m.find()) out.add(m.group());
            return out;
        }
        int[] cps = text.codePoints().toArray();
        int pieces = Math.min(count, cps.length);
        for (int i = 0; i < pieces; i++) {
            int from = (int) ((long) cps.length * i / pieces);
            int to = (int) ((long) cps.length * (i + 1) / pieces);
            out.add(new String(cps, from, to - from));
        }
        return out;
    }
}
