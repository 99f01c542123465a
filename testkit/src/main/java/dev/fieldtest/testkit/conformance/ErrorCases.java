package dev.fieldtest.testkit.conformance;

import static dev.fieldtest.testkit.conformance.Capability.CLIENT_ERROR;
import static dev.fieldtest.testkit.conformance.Capability.CONNECTION_DROP;
import static dev.fieldtest.testkit.conformance.Capability.MALFORMED;
import static dev.fieldtest.testkit.conformance.Capability.RATE_LIMIT;
import static dev.fieldtest.testkit.conformance.Capability.SERVER_ERROR;
import static dev.fieldtest.testkit.conformance.Capability.STREAMING;
import static dev.fieldtest.testkit.conformance.Capability.TRUNCATED_STREAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import java.util.List;
import java.util.Set;

/**
 * Each error a provider can produce, mapped to its {@link ErrorClass}. Targets are built with {@code max_retries: 3}
 * where the default {@code retry_on} (throttled, server_error, connection) must leave the error alone.
 */
final class ErrorCases {
    private ErrorCases() {}

    static List<Case> cases() {
        return List.of(
                new Case("errors", "429 on every attempt with max_retries 2 is throttled after 3 attempts, each counted", Set.of(RATE_LIMIT), f -> {
                    f.script(new Step.RateLimited(null), new Step.RateLimited(null), new Step.RateLimited(null));
                    Observation o = f.call("max_retries", 2);
                    Checks.failed(o, ErrorClass.THROTTLED, 3);
                    assertThat(o.throttled()).isEqualTo(3);
                    assertThat(f.server().requestCount()).isEqualTo(3);
                }),
                new Case("errors", "a server error (HTTP 503; a failing exit for a program) with no retries is server_error after 1 attempt", Set.of(SERVER_ERROR), f -> {
                    Observation o = f.script(new Step.ServerError(503)).call();
                    Checks.failed(o, ErrorClass.SERVER_ERROR, 1);
                    assertThat(o.throttled()).isZero();
                }),
                new Case("errors", "a refused API key (401) is client_error and not retried even with max_retries 3", Set.of(CLIENT_ERROR), f -> {
                    Observation o = f.script(new Step.AuthError(), new Step.AuthError()).call("max_retries", 3);
                    Checks.failed(o, ErrorClass.CLIENT_ERROR, 1);
                    assertThat(f.server().requestCount()).isEqualTo(1);
                }),
                new Case("errors", "a 200 body that is not the protocol's JSON is malformed_response, not retried", Set.of(MALFORMED), f -> {
                    Observation o = f.script(new Step.Malformed(), new Step.Malformed()).call("max_retries", 3);
                    Checks.failed(o, ErrorClass.MALFORMED_RESPONSE, 1);
                    assertThat(f.server().requestCount()).isEqualTo(1);
                }),
                new Case("errors", "a stream event that is not JSON is malformed_response, not retried", Set.of(MALFORMED, STREAMING), f -> {
                    Observation o = f.script(new Step.Malformed(), new Step.Malformed()).call("stream", true, "max_retries", 3);
                    Checks.failed(o, ErrorClass.MALFORMED_RESPONSE, 1);
                }),
                new Case("errors", "a stream cut after 2 chunks without its end marker is truncated_stream, not retried",
                        Set.of(TRUNCATED_STREAM, STREAMING), f -> {
                    Observation o = f.script(new Step.CutStream(2), new Step.CutStream(2)).call("stream", true, "max_retries", 3);
                    Checks.failed(o, ErrorClass.TRUNCATED_STREAM, 1);
                    assertThat(f.server().requestCount()).isEqualTo(1);
                }),
                new Case("errors", "a connection closed before any response byte is connection, with no retries after 1 attempt",
                        Set.of(CONNECTION_DROP), f -> {
                    Observation o = f.script(new Step.DropConnection()).call();
                    Checks.failed(o, ErrorClass.CONNECTION, 1);
                }));
    }
}
