package dev.fieldtest.llama.internal;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import java.util.List;

/**
 * What one request to the child produced. Times are milliseconds measured in the parent with a monotonic clock
 * from the moment the request line was handed to the child's stdin. Immutable.
 *
 * @param text         the generated text (the prompt not included); null when {@code error} is set
 * @param chunkMs      arrival of every token that carried text
 * @param latencyMs    send to the closing line; time spent until the failure when {@code error} is set
 * @param usage        prompt tokens (llama's tokenizer, without the BOS token it adds) and generated tokens
 * @param finishReason {@code length} when max_tokens ended the answer, else {@code stop}
 * @param reachedModel whether the request was handed to a running model, so compute time was spent on it
 */
public record Generation(String text, List<Double> chunkMs, double latencyMs, Usage usage, String finishReason,
                         ErrorClass error, String errorMessage, boolean reachedModel) {
    public Generation {
        chunkMs = List.copyOf(chunkMs);
    }

    static Generation succeeded(String text, List<Double> chunkMs, double latencyMs, Usage usage, String finishReason) {
        return new Generation(text, chunkMs, latencyMs, usage, finishReason, null, null, true);
    }

    static Generation failed(ErrorClass error, String message, double latencyMs, boolean reachedModel) {
        return new Generation(null, List.of(), latencyMs, null, null, error, message, reachedModel);
    }

    /** Send to the first token that carried text; null when none did. */
    public Double ttftMs() {
        return chunkMs.isEmpty() ? null : chunkMs.get(0);
    }

    public boolean succeeded() {
        return error == null;
    }
}
