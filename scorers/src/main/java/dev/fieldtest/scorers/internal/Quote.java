package dev.fieldtest.scorers.internal;

/**
 * Quotes bits of untrusted output for verdict details: at most {@value #MAX} code points, cut with
 * {@code …}, on one line, with control and bidirectional-override characters escaped so a detail can
 * neither break a report's layout nor disguise what the output said. Internal, not API.
 */
public final class Quote {
    /** The most code points of output one quote shows. */
    public static final int MAX = 80;

    private Quote() {}

    /** The start of {@code text}, quoted. */
    public static String of(String text) {
        return around(text, 0);
    }

    /** A window of {@code text} around the char index {@code at} (a little context before it), quoted. */
    public static String around(String text, int at) {
        int total = text.codePointCount(0, text.length());
        if (total <= MAX) return "\"" + clean(text, true) + "\"";
        int center = text.codePointCount(0, Math.max(0, Math.min(at, text.length())));
        int first = Math.max(0, Math.min(center - MAX / 4, total - MAX));
        int begin = text.offsetByCodePoints(0, first);
        int end = text.offsetByCodePoints(begin, MAX);
        return "\"" + (first > 0 ? "…" : "") + clean(text.substring(begin, end), true) + (end < text.length() ? "…" : "") + "\"";
    }

    /** {@code text} cut to {@code max} code points and made safe for one line; not quoted, so {@code "} stays. */
    public static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) return clean(text, false);
        return clean(text.substring(0, text.offsetByCodePoints(0, max)), false) + "…";
    }

    /** Escapes what would break or disguise a one-line detail, and {@code "} when the text goes in quotes. */
    static String clean(String text, boolean quoted) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append(quoted ? "\\\"" : "\"");
                default -> {
                    if (unsafe(cp)) out.append(String.format("\\u%04X", cp));
                    else out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }

    private static boolean unsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || cp == 0x2028 || cp == 0x2029                  // line and paragraph separators
                || cp == 0x200E || cp == 0x200F || cp == 0x061C  // direction marks
                || (cp >= 0x202A && cp <= 0x202E)                // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069);               // bidi isolates
    }
}
