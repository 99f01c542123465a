package dev.fieldtest.cli;

/** Bad production input: the message is complete, {@code where: what. Fix: how}, ready to print (exit 2). */
final class IngestProblem extends RuntimeException {
    IngestProblem(String message) {
        super(message);
    }
}
