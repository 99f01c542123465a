package dev.fieldtest.core.spi;

import dev.fieldtest.core.Verdict;

/**
 * One pass/fail test of a call's output. The executor applies the check's {@code extract} pattern before
 * calling it, so {@link CheckInput#text()} is what the check judges. Implementations must be thread-safe
 * and must treat the output as untrusted data.
 */
public interface Check {
    /** The name verdicts carry: the suite's {@code name:}, or the type when none was given. */
    String name();

    Verdict check(CheckInput input);
}
