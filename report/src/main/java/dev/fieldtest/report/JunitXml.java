package dev.fieldtest.report;

/**
 * Makes any text safe inside XML 1.0: markup characters become entities, and characters XML 1.0 cannot
 * carry at all (most control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so a property
 * name or an owner can never break the file. Stateless.
 */
public final class JunitXml {
    private JunitXml() {}

    /** Text content of an element. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** An attribute value between double quotes; tabs and line breaks are kept as character references. */
    public static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> {
                    // Parsers turn raw tabs and line breaks in attributes into spaces; references keep them.
                    if (attribute) out.append("&#").append(c).append(';');
                    else out.appendCodePoint(c == '\r' ? '\n' : c);
                }
                default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
