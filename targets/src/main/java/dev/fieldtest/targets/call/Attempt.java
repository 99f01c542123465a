package dev.fieldtest.targets.call;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one HTTP attempt; shared by every HTTP target (openai, anthropic, http) through {@link WireProtocol}. Times are milliseconds from send. Immutable.
 *
 * @param status     HTTP status, 0 when no response arrived
 * @param usage      tokens the server reported, even on a failed attempt (a cut stream may have billed them)
 * @param retryAfter the server's Retry-After, or null
 */
public record Attempt(String output, String finishReason, String model, Usage usage, double latencyMs, Double ttftMs,
               List<Double> chunkMs, int status, ErrorClass error, String errorMessage, Duration retryAfter) {

    public static Attempt success(String output, String finishReason, String model, Usage usage, double latencyMs,
                           Double ttftMs, List<Double> chunkMs) {
        return new Attempt(output, finishReason, model, usage, latencyMs, ttftMs, chunkMs, 200, null, null, null);
    }

    public static Attempt failure(ErrorClass error, String message, double latencyMs, int status) {
        return new Attempt(null, null, null, null, latencyMs, null, List.of(), status, error, message, null);
    }

    public Attempt withRetryAfter(Duration wait) {
        return new Attempt(output, finishReason, model, usage, latencyMs, ttftMs, chunkMs, status, error, errorMessage, wait);
    }

    public Attempt withUsage(Usage reported, String reportedModel) {
        return new Attempt(output, finishReason, reportedModel, reported, latencyMs, ttftMs, chunkMs, status, error, errorMessage, retryAfter);
    }

    public boolean succeeded() {
        return error == null;
    }
}
