package dev.fieldtest.core;

/**
 * Token counts a provider reported for one call. Immutable.
 */
public record Usage(long inputTokens, long outputTokens) {
    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, but were " + inputTokens + "/" + outputTokens);
        }
    }

    public Usage plus(Usage other) {
        return other == null ? this : new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
