package dev.fieldtest.core.config;

/**
 * One thing wrong with an input: where, what, and how to fix it. Printed as
 * {@code file:line:column: what. Fix: how}. Immutable.
 */
public record ConfigProblem(Location location, String message, String fix) {
    @Override
    public String toString() {
        return location + ": " + message + (fix == null || fix.isBlank() ? "" : ". Fix: " + fix);
    }
}
