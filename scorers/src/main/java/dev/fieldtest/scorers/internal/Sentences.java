package dev.fieldtest.scorers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small deterministic sentence splitter. A sentence ends at a line break, or at a run of {@code . ! ?}
 * (with any closing quotes or brackets right after it) that is followed by whitespace or the end of the
 * text. A single {@code .} does not end a sentence after an abbreviation: a word made of single letters
 * and dots ({@code e.g.}, {@code i.e.}, {@code U.S.}, an initial such as {@code J.}) or one of
 * {@link #ABBREVIATIONS}. Decimals ({@code 3.5}) and dotted names ({@code example.com}) never end one,
 * since no space follows the dot. Sentences are trimmed; blank ones are dropped. Internal, not API.
 */
public final class Sentences {
    /** Words that a dot follows without ending the sentence. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "cf", "approx", "fig", "al", "inc", "ltd", "co");
    private static final Pattern LETTERS_AND_DOTS = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");
    private static final String ENDS = ".!?";
    private static final String CLOSERS = "\"'”’)]";

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                flush(current, out);
                continue;
            }
            current.append(c);
            if (ENDS.indexOf(c) < 0) continue;
            int runStart = current.length() - 1;
            while (i + 1 < n && ENDS.indexOf(text.charAt(i + 1)) >= 0) current.append(text.charAt(++i));
            boolean singleDot = current.length() - runStart == 1 && c == '.';
            while (i + 1 < n && CLOSERS.indexOf(text.charAt(i + 1)) >= 0) current.append(text.charAt(++i));
            boolean atBoundary = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1));
            if (atBoundary && !(singleDot && abbreviationBefore(current, runStart))) flush(current, out);
        }
        flush(current, out);
        return out;
    }

    private static boolean abbreviationBefore(StringBuilder s, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) start--;
        String word = s.substring(start, dot).replaceAll("^[\"'“‘(\\[]+", "");
        return !word.isEmpty() && (LETTERS_AND_DOTS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)));
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().strip();
        if (!s.isEmpty()) out.add(s);
        current.setLength(0);
    }
}
