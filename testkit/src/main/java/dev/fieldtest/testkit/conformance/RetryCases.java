package dev.fieldtest.testkit.conformance;

import static dev.fieldtest.testkit.conformance.Capability.CONNECTION_DROP;
import static dev.fieldtest.testkit.conformance.Capability.RATE_LIMIT;
import static dev.fieldtest.testkit.conformance.Capability.RETRIES;
import static dev.fieldtest.testkit.conformance.Capability.SERVER_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import java.util.List;
import java.util.Set;

/** Retries: N failures then success is N + 1 attempts and the answer; too many failures is the last error. */
final class RetryCases {
    private RetryCases() {}

    static List<Case> cases() {
        return List.of(
                new Case("retries", "429 with Retry-After: 1 is waited out (>= 1 s, though backoff is 1 ms), then the answer: 2 attempts, 1 throttled",
                        Set.of(RATE_LIMIT, RETRIES), f -> {
                    f.script(new Step.RateLimited(1), new Step.Answer(AnswerCases.PARIS, 12, 7));
                    long start = System.nanoTime();
                    Observation o = f.call("max_retries", 3);
                    double tookMs = (System.nanoTime() - start) / 1e6;
                    Checks.succeeded(o);
                    assertThat(o.output()).isEqualTo(f.expected(AnswerCases.PARIS));
                    assertThat(o.attempts()).isEqualTo(2);
                    assertThat(o.throttled()).isEqualTo(1);
                    assertThat(tookMs).as("ms the call took").isGreaterThanOrEqualTo(1000.0);
                }),
                new Case("retries", "2 server errors then an answer with max_retries 3: 3 attempts and the answer",
                        Set.of(SERVER_ERROR, RETRIES), f -> {
                    f.script(new Step.ServerError(500), new Step.ServerError(502), new Step.Answer(AnswerCases.PARIS, 12, 7));
                    Observation o = f.call("max_retries", 3);
                    Checks.succeeded(o);
                    assertThat(o.output()).isEqualTo(f.expected(AnswerCases.PARIS));
                    assertThat(o.attempts()).isEqualTo(3);
                    assertThat(f.server().requestCount()).isEqualTo(3);
                }),
                new Case("retries", "a dropped connection then an answer with max_retries 1: 2 attempts and the answer",
                        Set.of(CONNECTION_DROP, RETRIES), f -> {
                    f.script(new Step.DropConnection(), new Step.Answer(AnswerCases.PARIS, 12, 7));
                    Observation o = f.call("max_retries", 1);
                    Checks.succeeded(o);
                    assertThat(o.output()).isEqualTo(f.expected(AnswerCases.PARIS));
                    assertThat(o.attempts()).isEqualTo(2);
                }),
                new Case("retries", "4 server errors with max_retries 2: server_error after 3 attempts and 3 requests",
                        Set.of(SERVER_ERROR, RETRIES), f -> {
                    f.script(new Step.ServerError(500), new Step.ServerError(503), new Step.ServerError(500), new Step.ServerError(500));
                    Observation o = f.call("max_retries", 2);
                    Checks.failed(o, ErrorClass.SERVER_ERROR, 3);
                    assertThat(f.server().requestCount()).isEqualTo(3);
                }));
    }
}
