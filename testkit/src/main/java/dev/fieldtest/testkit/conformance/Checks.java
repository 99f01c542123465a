package dev.fieldtest.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;

/** Assertions shared by the cases, with the observation's own message in every failure. */
final class Checks {
    private Checks() {}

    static void succeeded(Observation o) {
        assertThat(o.error()).as("error class of a call that should succeed (message: %s)", o.errorMessage()).isNull();
    }

    /** Failed with {@code error} after exactly {@code attempts} attempts, with a message and no output. */
    static void failed(Observation o, ErrorClass error, int attempts) {
        assertThat(o.error()).as("error class (message: %s)", o.errorMessage()).isEqualTo(error);
        assertThat(o.attempts()).as("attempts (message: %s)", o.errorMessage()).isEqualTo(attempts);
        assertThat(o.output()).isNull();
        assertThat(o.errorMessage()).as("error message").isNotBlank();
    }
}
