package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;

/**
 * {@code max-length}: passes when the text is at most {@code value} long. {@code unit: chars} (the
 * default) counts Unicode code points, so an emoji or a CJK character counts once; {@code unit: words}
 * counts runs of non-whitespace (no-break spaces separate words too). Internal, not API.
 */
public record MaxLengthCheck(String name, int limit, Unit unit) implements Check {

    /** What {@code value} counts. */
    public enum Unit {
        CHARS("characters"), WORDS("words");

        private final String plural;

        Unit(String plural) { this.plural = plural; }
    }

    public static Check build(Settings s) {
        ConfigReader reader = s.allow("value", "unit");
        ConfigNode value = s.required("value", "add value: with the most characters allowed, such as 500");
        int limit = value == null ? -1 : reader.integer("value", -1, 0, Integer.MAX_VALUE);
        Unit unit = switch (reader.string("unit", "chars")) {
            case "chars" -> Unit.CHARS;
            case "words" -> Unit.WORDS;
            default -> {
                ConfigNode at = reader.get("unit").orElseThrow();
                s.problem(at, at.path() + " must be chars or words, but was " + at.describe(), "use unit: chars or unit: words");
                yield null;
            }
        };
        return s.finish(limit < 0 || unit == null ? null : new MaxLengthCheck(s.name(), limit, unit));
    }

    @Override
    public Verdict check(CheckInput input) {
        String text = input.text();
        int length = unit == Unit.CHARS ? text.codePointCount(0, text.length()) : words(text);
        if (length <= limit) return Verdict.pass(name);
        return Verdict.fail(name, length + " " + unit.plural + ", " + (length - limit) + " over the limit of "
                + limit + ": " + Quote.of(text));
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (!space && !inWord) count++;
            inWord = !space;
            i += Character.charCount(cp);
        }
        return count;
    }
}
