package dev.fieldtest.core.perturb;

import java.util.List;
import java.util.Random;

/**
 * Punctuation changes: {@code strip} removes every punctuation character (Unicode P* classes, so
 * apostrophes and hyphens too); {@code noise} appends a stray mark (, . ! ? ; : ...) to {@code rate} of
 * the whitespace-separated tokens (rounded).
 */
public record Punctuation(Mode mode, double rate) implements TextTransform {
    /** Strip all punctuation, or add stray marks. */
    public enum Mode { STRIP, NOISE }

    private static final String[] MARKS = {",", ".", "!", "?", ";", ":", "..."};

    @Override
    public String text(String s, Random rnd) {
        if (mode == Mode.STRIP) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().filter(c -> !isPunctuation(c)).forEach(b::appendCodePoint);
            return b.toString();
        }
        List<Words.Span> tokens = Words.tokens(s);
        int[] chosen = Words.choose(tokens.size(), Words.count(rate, tokens.size()), rnd);
        return Words.replace(s, tokens, chosen, t -> t + MARKS[rnd.nextInt(MARKS.length)]);
    }

    static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
