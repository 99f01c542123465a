package dev.fieldtest.api;

import java.util.List;

/**
 * A suite built in code that is not valid: every problem found, each saying what is wrong ("repeat must be at
 * least 1, but was 0") and how to fix it, so all can be fixed in one go.
 */
public final class InvalidSuiteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidSuiteException(String suite, List<String> problems) {
        super("suite \"" + suite + "\" is not valid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }
}
