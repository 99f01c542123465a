package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.Durations;
import dev.fieldtest.targets.call.RetryPolicy;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated settings of one {@code type: openai} target. Immutable.
 *
 * <p>Suite keys: {@code base_url} (required; calls go to {@code {base_url}/chat/completions}), {@code model}
 * (required), {@code api_key} (sent as {@code Authorization: Bearer}), {@code params} (copied verbatim into the
 * request body), {@code stream} (default false), {@code pricing: {input_per_mtok, output_per_mtok}} (USD per
 * million tokens, default free), {@code timeout} (one attempt, send to last byte, default
 * {@code Defaults.TIMEOUT}), {@code max_retries}, {@code retry_on}, {@code backoff}, {@code backoff_max}
 * (defaults from {@code Defaults}) and {@code headers} (extra request headers). {@code ${NAME}} is expanded in
 * base_url, model, api_key and header values; api_key and header values are registered as secrets.
 *
 * @param endpoint the full chat completions URL
 * @param apiKey   null when none is sent
 * @param headers  extra headers, values already expanded
 * @param tokenizer encoding that counts tokens of a successful call the server reported no usage for (a stream
 *                  without a usage chunk); null when {@code tokenizer: none}
 */
public record OpenAiSettings(String id, URI endpoint, String apiKey, String model, Map<String, Object> params,
                             boolean stream, Pricing pricing, Duration timeout, RetryPolicy retry, Map<String, String> headers,
                             String tokenizer) {

    public OpenAiSettings {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Reads and validates {@code spec}. Every problem goes to {@code problems} with its location; returns null
     * when this spec had any.
     */
    public static OpenAiSettings read(TargetSpec spec, Env env, Problems problems) {
        return problems.isolated(mine -> new SettingsReader(spec, env, mine).read());
    }

    /** Settings for provenance: no api_key, header names without their values. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", "openai");
        out.put("base_url", Secrets.redact(baseUrl()));
        out.put("model", model);
        out.put("params", params);
        out.put("stream", stream);
        Map<String, Object> prices = new LinkedHashMap<>(); // ordered, so provenance reads (and hashes) the same every run
        prices.put("input_per_mtok", pricing.inputPerMtok());
        prices.put("output_per_mtok", pricing.outputPerMtok());
        out.put("pricing", prices);
        out.put("timeout", Durations.format(timeout));
        out.put("max_retries", retry.maxRetries());
        out.put("retry_on", retry.retryOn().stream().map(e -> e.wireName()).sorted().toList());
        out.put("backoff", Durations.format(retry.base()));
        out.put("backoff_max", Durations.format(retry.max()));
        out.put("headers", new TreeSet<>(headers.keySet()).stream().toList());
        // only when changed, so the provenance (and cache keys) of existing suites stay as they were
        if (!dev.fieldtest.targets.tokens.TokenCounter.DEFAULT_ENCODING.equals(tokenizer)) out.put("tokenizer", tokenizer);
        return out;
    }

    /** The base URL as configured, without a trailing slash. */
    public String baseUrl() {
        String url = endpoint.toString();
        return url.substring(0, url.length() - "/chat/completions".length());
    }
}
