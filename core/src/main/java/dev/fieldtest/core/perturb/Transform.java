package dev.fieldtest.core.perturb;

import java.util.Random;

/**
 * Changes one variable's value. Every random choice comes from {@code rnd}, which the caller seeds per
 * (suite seed, variant, case, var), so a transform is a pure function of its inputs. Implementations
 * are immutable records.
 */
public sealed interface Transform
        permits TextTransform, Reorder, Format, Malformed, Blank {

    Object apply(Object value, Random rnd);

    /** Whether vars holding maps or lists are chosen by default, not only strings. */
    default boolean structured() {
        return false;
    }
}
