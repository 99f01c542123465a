package dev.fieldtest.llama;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How llama.cpp samples the answer, from the target's {@code params}. Immutable.
 *
 * @param temperature 0 (the default) is greedy decoding: the same prompt always gives the same answer
 * @param maxTokens   most tokens generated per call (default 64)
 * @param seed        seed of the sampler (default 42), so sampled output repeats exactly across runs
 * @param topK        keep only the k most likely tokens; null for llama.cpp's default (40)
 * @param topP        nucleus sampling threshold in (0, 1]; null for llama.cpp's default (0.95)
 * @param stop        texts that end the answer; the stop text itself is not part of the output
 */
public record SamplingParams(double temperature, int maxTokens, int seed, Integer topK, Double topP, List<String> stop) {
    public static final double DEFAULT_TEMPERATURE = 0;
    public static final int DEFAULT_MAX_TOKENS = 64;
    public static final int DEFAULT_SEED = 42;

    public SamplingParams {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (temperature < 0 || maxTokens < 1 || seed < 0) {
            throw new IllegalArgumentException("need temperature >= 0, max_tokens >= 1 and seed >= 0, but got "
                    + temperature + ", " + maxTokens + ", " + seed);
        }
    }

    /** The defaults: greedy, 64 tokens, seed 42, no stop texts. */
    public static SamplingParams defaults() {
        return new SamplingParams(DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, DEFAULT_SEED, null, null, List.of());
    }

    /** As the suite would write them, for provenance; unset optional values are left out. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("temperature", temperature);
        out.put("max_tokens", maxTokens);
        out.put("seed", seed);
        if (topK != null) out.put("top_k", topK);
        if (topP != null) out.put("top_p", topP);
        out.put("stop", stop);
        return out;
    }
}
