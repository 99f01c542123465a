package dev.fieldtest.core.perturb;

import java.util.Locale;
import java.util.Random;

/**
 * Changes letter case: {@code lower}, {@code upper}, {@code title} (the first letter after whitespace
 * upper, the rest lower) or {@code random} (each letter upper or lower with even odds). Locale-neutral.
 */
public record CaseChange(Mode mode) implements TextTransform {
    /** How letters change. */
    public enum Mode { LOWER, UPPER, TITLE, RANDOM }

    @Override
    public String text(String s, Random rnd) {
        return switch (mode) {
            case LOWER -> s.toLowerCase(Locale.ROOT);
            case UPPER -> s.toUpperCase(Locale.ROOT);
            case TITLE -> title(s);
            case RANDOM -> random(s, rnd);
        };
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = Character.isWhitespace(c);
        }
        return b.toString();
    }

    private static String random(String s, Random rnd) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (!Character.isLetter(c)) b.append(c);
            else b.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }
}
