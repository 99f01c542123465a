package dev.fieldtest.llama;

import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated settings of one {@code type: llama-cpp} target. Immutable.
 *
 * <p>Suite keys: {@code model_path} (required; a GGUF file, relative to the suite's folder; {@code ${NAME}} is
 * expanded), {@code params: {temperature, max_tokens, seed, top_k, top_p, stop}} (see {@link SamplingParams}
 * for defaults), {@code timeout} (one call, send to last token, default {@code Defaults.TIMEOUT}),
 * {@code pricing: {per_call, per_second, input_per_mtok, output_per_mtok}} (USD, default free),
 * {@code context} (llama.cpp's n_ctx in tokens, default {@value #DEFAULT_CONTEXT}), {@code threads} (CPU
 * threads for llama.cpp, default {@value #DEFAULT_THREADS}) and {@code prompt_format} ({@code plain}, the default
 * and only one).
 *
 * @param model       the model file, absolute
 * @param modelAsWritten the model path as the suite wrote it (after {@code ${NAME}} expansion), for provenance
 */
public record LlamaSettings(String id, Path model, String modelAsWritten, SamplingParams params, Duration timeout,
                            Pricing pricing, int context, int threads, PromptFormat promptFormat) {
    public static final int DEFAULT_CONTEXT = 512;
    public static final int DEFAULT_THREADS = 1;

    /**
     * Reads and validates {@code spec}; checks that the model file exists and is GGUF, without loading it. Every
     * problem goes to {@code problems} with its location; returns null when this spec had any.
     */
    public static LlamaSettings read(TargetSpec spec, Env env, Problems problems) {
        return problems.isolated(mine -> new SettingsReader(spec, env, mine).read());
    }

    /** The model's file name, which is what results and reports call the model. */
    public String modelName() {
        return model.getFileName().toString();
    }

    /** Settings for provenance; {@code sha256} is the model file's hash. */
    public Map<String, Object> describe(String sha256) {
        Map<String, Object> out = new LinkedHashMap<>(); // ordered, so provenance reads (and hashes) the same every run
        out.put("id", id);
        out.put("type", LlamaTargetFactory.TYPE);
        out.put("model", modelName());
        out.put("model_path", modelAsWritten);
        out.put("sha256", sha256);
        out.put("params", params.describe());
        out.put("context", context);
        out.put("threads", threads);
        out.put("prompt_format", promptFormat.wireName());
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("per_call", pricing.perCall());
        prices.put("per_second", pricing.perSecond());
        prices.put("input_per_mtok", pricing.inputPerMtok());
        prices.put("output_per_mtok", pricing.outputPerMtok());
        out.put("pricing", prices);
        out.put("timeout", format(timeout));
        out.put("engine", Engine.DESCRIPTION);
        return out;
    }

    /** "30s" for whole seconds, else "250ms". */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
