package dev.fieldtest.api;

import dev.fieldtest.core.Usage;
import java.util.Objects;

/**
 * What an in-process function target answered: the text and, when the function knows them, the tokens it used
 * and what the call cost. Immutable.
 *
 * @param text    the answer; never null
 * @param usage   tokens used; null when unknown
 * @param costUsd what the call cost in USD, at least 0 (counted in cost per success like any target's)
 */
public record Answer(String text, Usage usage, double costUsd) {
    public Answer {
        Objects.requireNonNull(text, "text must be the answer, but was null");
        if (!(costUsd >= 0) || Double.isInfinite(costUsd)) throw new IllegalArgumentException("costUsd must be a finite number >= 0, but was " + costUsd);
    }

    /** An answer with no usage and no cost. */
    public static Answer of(String text) {
        return new Answer(text, null, 0);
    }

    /** An answer with its token counts and cost. */
    public static Answer of(String text, long inputTokens, long outputTokens, double costUsd) {
        return new Answer(text, new Usage(inputTokens, outputTokens), costUsd);
    }
}
