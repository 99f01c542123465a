package dev.fieldtest.core;

import java.util.List;

/**
 * One call to an AI system, whoever made it (offline run, load test or production trace). Times are
 * milliseconds measured with a monotonic clock from the moment the first request byte was handed to the
 * transport. Immutable.
 *
 * @param output       the answer text; null when {@code error} is set
 * @param usage        tokens the provider reported summed over attempts; null when it reported none
 * @param latencyMs    send to last byte of the final attempt
 * @param ttftMs       send to the first content-bearing chunk; null when not streaming or no content came
 * @param chunkMs      offsets of every content-bearing chunk of the final attempt (empty when not streaming)
 * @param attempts     attempts made, 1 when the first attempt succeeded
 * @param throttled    HTTP 429 responses received over all attempts, including ones a retry then fixed
 * @param error        null on success
 * @param errorMessage what went wrong, free of secrets; null on success
 * @param costUsd      cost of every attempt that reported usage
 * @param cached       true when a response cache answered this call: every other figure is the original call's
 * @param fallback     which target of a fallback chain answered and what the failed hops cost; null without a chain
 */
public record Observation(
        String targetId,
        String caseId,
        int repeatIndex,
        List<Message> input,
        String output,
        Usage usage,
        double latencyMs,
        Double ttftMs,
        List<Double> chunkMs,
        int attempts,
        int throttled,
        ErrorClass error,
        String errorMessage,
        double costUsd,
        String finishReason,
        String responseModel,
        boolean cached,
        FallbackTrace fallback) {

    /** A call that was made, not answered from a cache. */
    public Observation(String targetId, String caseId, int repeatIndex, List<Message> input, String output, Usage usage,
                       double latencyMs, Double ttftMs, List<Double> chunkMs, int attempts, int throttled, ErrorClass error,
                       String errorMessage, double costUsd, String finishReason, String responseModel) {
        this(targetId, caseId, repeatIndex, input, output, usage, latencyMs, ttftMs, chunkMs, attempts, throttled, error,
                errorMessage, costUsd, finishReason, responseModel, false);
    }

    public Observation {
        input = List.copyOf(input);
        chunkMs = chunkMs == null ? List.of() : List.copyOf(chunkMs);
        if ((output == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of output and error must be set");
        }
    }

    /** An observation of a target without a fallback chain. */
    public Observation(String targetId, String caseId, int repeatIndex, List<Message> input, String output, Usage usage,
                       double latencyMs, Double ttftMs, List<Double> chunkMs, int attempts, int throttled, ErrorClass error,
                       String errorMessage, double costUsd, String finishReason, String responseModel, boolean cached) {
        this(targetId, caseId, repeatIndex, input, output, usage, latencyMs, ttftMs, chunkMs, attempts, throttled, error,
                errorMessage, costUsd, finishReason, responseModel, cached, null);
    }

    /** This observation with {@code trace} as its fallback record. */
    public Observation withFallback(FallbackTrace trace) {
        return new Observation(targetId, caseId, repeatIndex, input, output, usage, latencyMs, ttftMs, chunkMs, attempts, throttled,
                error, errorMessage, costUsd, finishReason, responseModel, cached, trace);
    }

    public boolean succeeded() {
        return error == null;
    }

    public int retries() {
        return attempts - 1;
    }
}
