package dev.fieldtest.report;

/** Makes untrusted text (model output, case ids) inert inside Markdown tables and lines. */
public final class Markdown {
    private Markdown() {}

    /**
     * One line of literal text: HTML is escaped (GitHub renders raw HTML in Markdown), Markdown syntax is
     * backslash-escaped, line breaks become spaces, and text over {@code max} characters is cut with "…".
     */
    public static String inline(String text, int max) {
        if (text == null) return "";
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) > max) flat = flat.substring(0, flat.offsetByCodePoints(0, max)) + "…";
        StringBuilder out = new StringBuilder(flat.length() + 16);
        flat.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
