package dev.fieldtest.targets.anthropic;

import dev.fieldtest.targets.call.Durations;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.call.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated settings of one {@code type: anthropic} target (docs/providers.md). Immutable.
 *
 * @param endpoint          {@code {base_url}/v1/messages}
 * @param version           the {@code anthropic-version} header, {@value #DEFAULT_VERSION} by default
 * @param maxTokens         {@code max_tokens}, which the API requires; {@value #DEFAULT_MAX_TOKENS} by default
 * @param cacheWritePerMtok USD per million tokens written to the prompt cache
 * @param cacheReadPerMtok  USD per million tokens read from the prompt cache
 * @param tokenizer         encoding that counts a successful call without usage (a proxy that drops it); null when off
 */
public record AnthropicSettings(String id, URI endpoint, String apiKey, String version, String model, int maxTokens,
                                Map<String, Object> params, boolean stream, Pricing pricing, double cacheWritePerMtok,
                                double cacheReadPerMtok, Duration timeout, RetryPolicy retry, Map<String, String> headers,
                                String tokenizer) {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_VERSION = "2023-06-01";
    public static final int DEFAULT_MAX_TOKENS = 1024;
    /** Anthropic's published multipliers of the input price for cache writes (5-minute cache) and cache reads. */
    public static final double CACHE_WRITE_FACTOR = 1.25, CACHE_READ_FACTOR = 0.1;

    public AnthropicSettings {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Reads and validates {@code spec}; every problem goes to {@code problems}, and then the result is null. */
    public static AnthropicSettings read(TargetSpec spec, Env env, Problems problems) {
        return problems.isolated(mine -> new AnthropicSettingsReader(spec, env, mine).read());
    }

    /** The cost in USD of {@code usage}: input, output, cache writes and cache reads at their prices. */
    public double costUsd(dev.fieldtest.core.Usage usage) {
        if (usage == null) return 0;
        return pricing.costUsd(usage) + (usage.cacheWriteTokens() * cacheWritePerMtok + usage.cacheReadTokens() * cacheReadPerMtok) / 1e6;
    }

    /** Settings for provenance: no api_key, header names without their values. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", "anthropic");
        out.put("base_url", Secrets.redact(endpoint.toString().replaceFirst("/v1/messages$", "")));
        out.put("model", model);
        out.put("anthropic_version", version);
        out.put("max_tokens", maxTokens);
        out.put("params", params);
        out.put("stream", stream);
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("input_per_mtok", pricing.inputPerMtok());
        prices.put("output_per_mtok", pricing.outputPerMtok());
        prices.put("cache_write_per_mtok", cacheWritePerMtok);
        prices.put("cache_read_per_mtok", cacheReadPerMtok);
        out.put("pricing", prices);
        out.put("timeout", Durations.format(timeout));
        out.put("max_retries", retry.maxRetries());
        out.put("retry_on", retry.retryOn().stream().map(e -> e.wireName()).sorted().toList());
        out.put("backoff", Durations.format(retry.base()));
        out.put("backoff_max", Durations.format(retry.max()));
        out.put("headers", new TreeSet<>(headers.keySet()).stream().toList());
        out.put("tokenizer", tokenizer);
        return out;
    }
}
