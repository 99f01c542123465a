package dev.fieldtest.scorers.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text comparison shared by the equals and contains checks. Both sides are put in Unicode NFC first,
 * because a model may write "é" as one code point or as "e" plus a combining accent and a person reading
 * the verdict cannot tell the two apart. Case-insensitive comparison uses Unicode case rules. Internal,
 * not API.
 */
public final class TextMatch {
    private TextMatch() {}

    public static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Where {@code needle} first occurs in {@code text}, or -1. */
    public static int indexOf(String text, String needle, boolean ignoreCase) {
        if (!ignoreCase) return text.indexOf(needle);
        // LITERAL keeps the needle's characters from being read as regex syntax; the case flags still apply.
        var m = Pattern.compile(needle, Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? m.start() : -1;
    }

    public static boolean same(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** The first char index where {@code a} and {@code b} differ; the shorter length when one is a prefix. */
    public static int firstDifference(String a, String b, boolean ignoreCase) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (!a.regionMatches(ignoreCase, i, b, i, 1)) return i;
        }
        return n;
    }
}
