package dev.fieldtest.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FakeOpenAiServer} does with one request. Each variant works for both plain and streaming
 * ({@code "stream": true}) requests. Immutable.
 */
public sealed interface Behavior {

    /** A normal answer of {@code text}, with default token counts and no delays. */
    static Reply reply(String text) {
        return new Reply(text);
    }

    /**
     * A successful completion.
     *
     * @param text             the answer; streamed in {@code chunks} content chunks that concatenate to it exactly
     * @param promptTokens     reported {@code usage.prompt_tokens}; null = words in the request's messages
     * @param completionTokens reported {@code usage.completion_tokens}; null = words in {@code text}
     * @param delay            wait before the response headers are sent
     * @param chunkDelay       wait before each content chunk of a stream (ignored when not streaming)
     * @param chunks           content chunks to split {@code text} into; 0 = one per word (whitespace kept)
     * @param finishReason     {@code finish_reason} of the choice, {@code "stop"} by default
     */
    record Reply(String text, Integer promptTokens, Integer completionTokens, Duration delay, Duration chunkDelay,
                 int chunks, String finishReason) implements Behavior {
        public Reply {
            Objects.requireNonNull(text, "text");
            delay = delay == null ? Duration.ZERO : delay;
            chunkDelay = chunkDelay == null ? Duration.ZERO : chunkDelay;
            finishReason = finishReason == null ? "stop" : finishReason;
            if (chunks < 0) throw new IllegalArgumentException("chunks must be >= 0 (0 = one per word), but was " + chunks);
        }

        public Reply(String text) {
            this(text, null, null, Duration.ZERO, Duration.ZERO, 0, "stop");
        }

        public Reply withUsage(int prompt, int completion) {
            return new Reply(text, prompt, completion, delay, chunkDelay, chunks, finishReason);
        }

        public Reply withDelay(Duration beforeHeaders) {
            return new Reply(text, promptTokens, completionTokens, beforeHeaders, chunkDelay, chunks, finishReason);
        }

        public Reply withChunkDelay(Duration beforeEachChunk) {
            return new Reply(text, promptTokens, completionTokens, delay, beforeEachChunk, chunks, finishReason);
        }

        public Reply withChunks(int count) {
            return new Reply(text, promptTokens, completionTokens, delay, chunkDelay, count, finishReason);
        }

        public Reply withFinishReason(String reason) {
            return new Reply(text, promptTokens, completionTokens, delay, chunkDelay, chunks, reason);
        }
    }

    /** HTTP 429, code {@code rate_limit_exceeded}; a {@code Retry-After: N} header unless the value is null. */
    record Throttle(Integer retryAfterSeconds) implements Behavior {}

    /** An HTTP 5xx with an OpenAI {@code server_error} body. */
    record ServerError(int status) implements Behavior {
        public ServerError {
            if (status < 500 || status > 599) throw new IllegalArgumentException("a server error needs a 5xx status, not " + status);
        }
    }

    /**
     * An HTTP 4xx (not 429) with an OpenAI error body; {@code code} is e.g. {@code invalid_api_key},
     * {@code model_not_found}; a null message gets a realistic default for the code.
     */
    record ClientError(int status, String code, String message) implements Behavior {
        public ClientError {
            if (status < 400 || status > 499 || status == 429) {
                throw new IllegalArgumentException("a client error needs a 4xx status other than 429, not " + status);
            }
        }

        public ClientError(int status, String code) {
            this(status, code, null);
        }
    }

    /** HTTP 200 whose body is not valid JSON; for a stream, one valid chunk, then an unparseable {@code data:} line. */
    record Malformed() implements Behavior {}

    /**
     * Sends {@code chunksBeforeCut} content chunks of {@code text} (after the role chunk), then drops the
     * connection without {@code data: [DONE]} or the closing HTTP chunk. When not streaming, sends half the
     * JSON body and drops the connection.
     */
    record CutStream(String text, int chunksBeforeCut) implements Behavior {
        public CutStream(int chunksBeforeCut) {
            this("this answer will be cut short", chunksBeforeCut);
        }
    }

    /** Waits {@code duration} before the headers (for client timeouts), then replies like the default responder. */
    record Stall(Duration duration) implements Behavior {}

    /**
     * Drops the connection without sending a byte of response. The JDK server offers no socket-level
     * RST, so this is an orderly TCP close (FIN); clients see it as "connection closed before response".
     */
    record ResetConnection() implements Behavior {}
}
