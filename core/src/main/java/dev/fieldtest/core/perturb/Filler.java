package dev.fieldtest.core.perturb;

import java.util.Random;

/** Irrelevant context, a blank line away from the value, before or after it. */
public record Filler(String filler, boolean before) implements TextTransform {
    /** Neutral office small talk: no facts a question could plausibly depend on. */
    public static final String DEFAULT = "Some background that may or may not matter: the office kitchen was repainted "
            + "last week in a pale green, the coffee machine was serviced on Tuesday, and the team lunch moved to Thursdays.";

    @Override
    public String text(String s, Random rnd) {
        return before ? filler + "\n\n" + s : s + "\n\n" + filler;
    }
}
