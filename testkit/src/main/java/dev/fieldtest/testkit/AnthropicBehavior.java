package dev.fieldtest.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FakeAnthropicServer} does with one request. Each variant works for plain and streaming
 * ({@code "stream": true}) requests. Immutable.
 */
public sealed interface AnthropicBehavior {

    /** A normal answer of {@code text}: input tokens = words of the request's system and messages, output = words of text. */
    static Reply reply(String text) {
        return new Reply(text, null, null, 0, 0, Duration.ZERO, Duration.ZERO, "end_turn");
    }

    /** An HTTP error with the API's body {@code {"type":"error","error":{"type", "message"}}}. */
    static Error error(int status, String type, String message) {
        return new Error(status, type, message, null);
    }

    /**
     * A message.
     *
     * @param inputTokens  reported {@code usage.input_tokens}; null = words of the request's system and messages
     * @param outputTokens reported {@code usage.output_tokens}; null = words of {@code text}
     * @param cacheWrite   reported {@code usage.cache_creation_input_tokens}
     * @param cacheRead    reported {@code usage.cache_read_input_tokens}
     * @param delay        wait before the response headers
     * @param chunkDelay   wait before each text delta of a stream
     * @param stopReason   {@code stop_reason}, {@code end_turn} by default
     */
    record Reply(String text, Integer inputTokens, Integer outputTokens, int cacheWrite, int cacheRead, Duration delay,
                 Duration chunkDelay, String stopReason) implements AnthropicBehavior {
        public Reply {
            Objects.requireNonNull(text, "text");
            delay = delay == null ? Duration.ZERO : delay;
            chunkDelay = chunkDelay == null ? Duration.ZERO : chunkDelay;
            stopReason = stopReason == null ? "end_turn" : stopReason;
        }

        public Reply withUsage(int input, int output) {
            return new Reply(text, input, output, cacheWrite, cacheRead, delay, chunkDelay, stopReason);
        }

        public Reply withCache(int written, int read) {
            return new Reply(text, inputTokens, outputTokens, written, read, delay, chunkDelay, stopReason);
        }

        public Reply withDelay(Duration beforeHeaders) {
            return new Reply(text, inputTokens, outputTokens, cacheWrite, cacheRead, beforeHeaders, chunkDelay, stopReason);
        }

        public Reply withChunkDelay(Duration beforeEachDelta) {
            return new Reply(text, inputTokens, outputTokens, cacheWrite, cacheRead, delay, beforeEachDelta, stopReason);
        }

        public Reply withStopReason(String reason) {
            return new Reply(text, inputTokens, outputTokens, cacheWrite, cacheRead, delay, chunkDelay, reason);
        }
    }

    /**
     * An HTTP error, as the API sends them: 400 {@code invalid_request_error}, 401 {@code authentication_error},
     * 429 {@code rate_limit_error}, 500 {@code api_error}, 529 {@code overloaded_error}.
     *
     * @param retryAfterSeconds a {@code retry-after} header, or null for none
     */
    record Error(int status, String type, String message, Integer retryAfterSeconds) implements AnthropicBehavior {
        public Error withRetryAfter(int seconds) {
            return new Error(status, type, message, seconds);
        }
    }

    /** A stream that sends {@code deltas} words of {@code text}, then an {@code event: error} of {@code type}. */
    record StreamError(String text, int deltas, String type, String message) implements AnthropicBehavior {}

    /** A stream that sends {@code deltas} words of {@code text}, then closes without message_stop. */
    record CutStream(String text, int deltas) implements AnthropicBehavior {}

    /** HTTP 200 whose body is cut-off JSON; on a stream, an event whose data is not JSON. */
    record Malformed() implements AnthropicBehavior {}

    /** Closes the connection without any response. */
    record ResetConnection() implements AnthropicBehavior {}
}
