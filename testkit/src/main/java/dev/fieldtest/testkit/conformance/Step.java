package dev.fieldtest.testkit.conformance;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ScriptedServer} does with one request, in provider-neutral terms; each server adapter renders
 * it in its provider's exact wire protocol (status codes, headers, error bodies, event stream). Immutable.
 */
public sealed interface Step {

    /**
     * A successful answer. Streamed, it is one content chunk per word (a word with the whitespace after it),
     * the first no sooner than {@code beforeFirstChunk} after the request and each later one {@code betweenChunks}
     * after the previous; the reported usage comes with the stream's end. Plain answers are scripted without delays.
     */
    record Answer(String text, int inputTokens, int outputTokens, Duration beforeFirstChunk, Duration betweenChunks)
            implements Step {
        public Answer {
            Objects.requireNonNull(text, "text");
            if (beforeFirstChunk.compareTo(betweenChunks) < 0) {
                throw new IllegalArgumentException("beforeFirstChunk (" + beforeFirstChunk + ") must be at least betweenChunks ("
                        + betweenChunks + ")");
            }
        }

        public Answer(String text, int inputTokens, int outputTokens) {
            this(text, inputTokens, outputTokens, Duration.ZERO, Duration.ZERO);
        }
    }

    /** The provider's rate-limit response (HTTP 429 for HTTP APIs), with {@code Retry-After: N} unless null. */
    record RateLimited(Integer retryAfterSeconds) implements Step {}

    /** The provider's server-side failure with this 5xx status and its error body. */
    record ServerError(int status) implements Step {}

    /** The provider's refusal of a bad credential (HTTP 401 and its error body). */
    record AuthError() implements Step {}

    /** A success status whose body (or, streamed, one event) is not the protocol's JSON. */
    record Malformed() implements Step {}

    /** A stream that sends {@code chunksBeforeCut} content chunks and then drops the connection without its end marker. */
    record CutStream(int chunksBeforeCut) implements Step {}

    /** The connection closed before a single byte of response. */
    record DropConnection() implements Step {}

    /** Silence for {@code duration} before anything is sent (then an ordinary answer, if anyone still waits). */
    record Stall(Duration duration) implements Step {}
}
