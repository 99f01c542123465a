package dev.fieldtest.embedded.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The exact text embedded-qa answers with, and its word counts. Internal, not API. Stateless.
 *
 * <pre>
 * &lt;answer text&gt;
 * (source: &lt;kb id&gt;, confidence: 0.xx)
 * </pre>
 * or, abstaining,
 * <pre>
 * I don't know — I could not find this in the help centre.
 * (source: none, confidence: 0.xx)
 * </pre>
 */
final class Replies {
    static final String ABSTAIN = "I don't know — I could not find this in the help centre.";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Replies() {}

    /** An answer; its confidence is the match's similarity clipped to [0, 1]. */
    static String answer(KbEntry entry, double similarity) {
        return entry.answer() + "\n(source: " + entry.id() + ", confidence: " + twoDecimals(clip(similarity)) + ")";
    }

    /** An abstention; its confidence, in not knowing, is 1 − the best similarity clipped to [0, 1]. */
    static String abstain(double bestSimilarity) {
        return ABSTAIN + "\n(source: none, confidence: " + twoDecimals(1 - clip(bestSimilarity)) + ")";
    }

    static double clip(double similarity) {
        return Math.max(0, Math.min(1, similarity));
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Whitespace-separated words: the stand-in for tokens (no tokenizer bills these calls). */
    static long words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : WHITESPACE.split(t).length;
    }
}
