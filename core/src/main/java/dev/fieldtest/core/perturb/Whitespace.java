package dev.fieldtest.core.perturb;

import java.util.List;
import java.util.Random;

/**
 * Whitespace noise: {@code rate} of the gaps between words (rounded) get one more space, two more
 * spaces, a newline or a tab, drawn uniformly. Words themselves are untouched.
 */
public record Whitespace(double rate) implements TextTransform {
    private static final String[] EXTRA = {" ", "  ", "\n", "\t"};

    @Override
    public String text(String s, Random rnd) {
        List<Words.Span> gaps = Words.gaps(s);
        int[] chosen = Words.choose(gaps.size(), Words.count(rate, gaps.size()), rnd);
        return Words.replace(s, gaps, chosen, g -> g + EXTRA[rnd.nextInt(EXTRA.length)]);
    }
}
