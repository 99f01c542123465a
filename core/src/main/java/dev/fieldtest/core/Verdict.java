package dev.fieldtest.core;

/**
 * What one check said about one call. {@code detail} explains a failure in a line a person can act on
 * (null when passed). Immutable.
 */
public record Verdict(String check, boolean pass, String detail) {
    public static Verdict pass(String check) {
        return new Verdict(check, true, null);
    }

    public static Verdict fail(String check, String detail) {
        return new Verdict(check, false, detail);
    }
}
