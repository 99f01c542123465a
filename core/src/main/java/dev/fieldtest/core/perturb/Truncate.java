package dev.fieldtest.core.perturb;

import java.util.Random;

/**
 * Cuts the text to {@code keep} of its characters (code points, rounded down), then back to the last
 * word boundary so no word is cut in half; trailing whitespace goes too. A text that is one long word is
 * cut where the share ends.
 */
public record Truncate(double keep) implements TextTransform {
    @Override
    public String text(String s, Random rnd) {
        int points = s.codePointCount(0, s.length());
        int cut = s.offsetByCodePoints(0, (int) Math.floor(keep * points));
        if (cut >= s.length()) return s;
        String prefix = s.substring(0, cut);
        boolean atBoundary = Character.isWhitespace(s.charAt(cut)) || prefix.isEmpty() || Character.isWhitespace(prefix.charAt(prefix.length() - 1));
        if (!atBoundary) {
            int space = lastWhitespace(prefix);
            if (space > 0) prefix = prefix.substring(0, space);
        }
        return prefix.stripTrailing();
    }

    private static int lastWhitespace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }
}
