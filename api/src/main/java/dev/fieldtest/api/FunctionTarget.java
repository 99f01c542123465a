package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Java function as a target (made by {@link Targets}): it answers each call in process. Give it to
 * {@link SuiteBuilder#target(FunctionTarget)}; its calls become observations like any target's. Immutable.
 *
 * @param id     the target id, as in a suite's {@code targets:}
 * @param answer called once per case × repeat, from many threads at once when concurrency &gt; 1
 */
public record FunctionTarget(String id, Function<CallRequest, Answer> answer) {
    public FunctionTarget {
        Objects.requireNonNull(answer, "answer must be a function, but was null");
    }
}
