package dev.fieldtest.core.spi;

/**
 * A check that grades with a model of its own (an embedder, a judge). The loader refuses a suite where a
 * check grades with the same model a target answers with — a system must not be graded by its own model —
 * unless the check's settings say {@code allow_same_model: true}.
 */
public interface GradesWithModel {
    /** The grading model's name, compared with each target's {@code describe().get("model")}. */
    String graderModel();

    /** Whether the suite explicitly allowed grading with a target's own model. */
    default boolean allowsSameModel() {
        return false;
    }
}
