package dev.fieldtest.report;

/**
 * Escaping for report.html. {@link #text} makes any string safe as HTML text or as a double- or single-quoted
 * attribute value; {@link #scriptJson} makes JSON safe inside a {@code <script type="application/json">} block,
 * so that no data can close the block ({@code </script>}) or open a comment ({@code <!--}). Both are total:
 * null reads as the empty string.
 */
public final class HtmlEscape {
    private HtmlEscape() {}

    /** HTML text or attribute: {@code & < > " '} become entities; characters HTML forbids become U+FFFD. */
    public static String text(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    /**
     * JSON text (already valid JSON) made inert inside a script element: {@code < > &} and the line separators
     * U+2028/U+2029 become {@code \}{@code u} escapes. Inside JSON strings these escapes decode to the same
     * characters, and outside strings JSON has none of them, so the parsed value is unchanged.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Control characters other than tab, newline and carriage return, lone surrogates and noncharacters are not allowed. */
    private static boolean allowed(int c) {
        if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
        if (c >= 0x7F && c <= 0x9F) return false;
        return !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
    }
}
