package dev.fieldtest.llama.internal;

/** Ends a call early with its outcome (a child that could not start, a closed target). */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Generation outcome;

    Failure(Generation outcome) {
        super(outcome.errorMessage(), null, false, false); // control flow, not a bug: no stack trace
        this.outcome = outcome;
    }
}
