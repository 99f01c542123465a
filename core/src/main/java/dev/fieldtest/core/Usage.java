package dev.fieldtest.core;

/**
 * Token counts of one call, and where they came from. Immutable.
 *
 * @param inputTokens      input tokens billed at the input price (for Anthropic: those not read from or written to its cache)
 * @param outputTokens     output tokens
 * @param cacheWriteTokens input tokens written to the provider's prompt cache (Anthropic's cache_creation_input_tokens), 0 when none
 * @param cacheReadTokens  input tokens read from the provider's prompt cache (Anthropic's cache_read_input_tokens), 0 when none
 * @param source           who counted: the provider, or fieldtest's tokenizer when the provider reported nothing
 */
public record Usage(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens, Source source) {
    /** Who counted the tokens; the wire name is what results.jsonl's {@code usage_source} carries. */
    public enum Source {
        PROVIDER, TOKENIZER;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, but were " + inputTokens + "/" + outputTokens
                    + "/" + cacheWriteTokens + "/" + cacheReadTokens);
        }
        source = source == null ? Source.PROVIDER : source;
    }

    /** Counts a provider reported, without cache tokens. */
    public Usage(long inputTokens, long outputTokens) {
        this(inputTokens, outputTokens, 0, 0, Source.PROVIDER);
    }

    /** The sum; a sum that includes any tokenizer count is a tokenizer count. */
    public Usage plus(Usage other) {
        if (other == null) return this;
        Source s = source == Source.TOKENIZER || other.source == Source.TOKENIZER ? Source.TOKENIZER : Source.PROVIDER;
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheWriteTokens + other.cacheWriteTokens, cacheReadTokens + other.cacheReadTokens, s);
    }
}
