package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.GradesWithModel;

/**
 * A {@code grounded} check in {@code mode: embedding}: the same check, declaring its embedding model so the
 * loader can refuse a suite whose target answers with that model (unless {@code allow_same_model: true}).
 * The lexical mode grades with no model and so is not wrapped. Internal, not API. Thread-safe.
 */
public record GroundedByModel(GroundedCheck inner, String graderModel, boolean allowsSameModel) implements Check, GradesWithModel {
    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Verdict check(CheckInput input) {
        return inner.check(input);
    }
}
