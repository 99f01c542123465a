package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Java function as a target (made by {@link Targets}): it answers each call in process. Give it to
 * {@link SuiteBuilder#target(FunctionTarget)}; its calls become observations like any target's. Immutable.
 *
 * @param id      the target id, as in a suite's {@code targets:}
 * @param answer  called once per case × repeat, from many threads at once when concurrency &gt; 1
 * @param timeout how long a call may take before it fails as {@code timeout} (the function is interrupted); null: no limit
 */
public record FunctionTarget(String id, Function<CallRequest, Answer> answer, Duration timeout) {
    public FunctionTarget {
        Objects.requireNonNull(answer, "answer must be a function, but was null");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be longer than 0, but was " + timeout);
        }
    }

    /** A function target without a time limit. */
    public FunctionTarget(String id, Function<CallRequest, Answer> answer) {
        this(id, answer, null);
    }

    /** This target, with calls that take longer than {@code limit} failing as {@code timeout}. */
    public FunctionTarget withTimeout(Duration limit) {
        return new FunctionTarget(id, answer, limit);
    }
}
