package dev.fieldtest.junit;

import dev.fieldtest.api.RunResult;

/**
 * Entry point of the AssertJ-style assertions over a run (docs/junit.md):
 * {@code assertThat(result).passRateAtLeast(0.8).withConfidence(0.95).latencyP95Below(Duration.ofSeconds(2))}.
 */
public final class FieldtestAssertions {
    private FieldtestAssertions() {}

    /** Assertions over every target of {@code result}; narrow to one with {@link RunAssert#target(String)}. */
    public static RunAssert assertThat(RunResult result) {
        if (result == null) throw new AssertionError("Expecting a fieldtest RunResult, but was null");
        return new RunAssert(result, result.targets());
    }
}
