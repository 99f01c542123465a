package dev.fieldtest.core.perturb;

import java.util.Random;

/** Replaces a value with the empty string: the {@code ambiguous} generator's {@code remove:} list. */
public record Blank() implements Transform {
    @Override
    public Object apply(Object value, Random rnd) {
        return "";
    }
}
