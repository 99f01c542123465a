package dev.fieldtest.targets.http;

import dev.fieldtest.targets.call.Durations;
import com.fasterxml.jackson.core.JsonPointer;
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
 * The validated settings of one {@code type: http} target (docs/providers.md). Immutable.
 *
 * @param body        the request body; null sends none (GET)
 * @param output      JSON Pointer (RFC 6901) to the answer in the response
 * @param inputTokens JSON Pointer to the input token count, or null
 * @param outputTokens JSON Pointer to the output token count, or null
 * @param tokenizer   encoding that counts tokens when the response carries none; null when turned off
 */
public record HttpSettings(String id, URI url, String method, Map<String, String> headers, BodyTemplate body,
                           JsonPointer output, JsonPointer inputTokens, JsonPointer outputTokens, Pricing pricing,
                           Duration timeout, RetryPolicy retry, String tokenizer) {
    public HttpSettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static HttpSettings read(TargetSpec spec, Env env, Problems problems) {
        return problems.isolated(mine -> new HttpSettingsReader(spec, env, mine).read());
    }

    /** Settings for provenance: the URL redacted, header names without values. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", "http");
        out.put("method", method);
        out.put("url", Secrets.redact(url.toString()));
        out.put("headers", new TreeSet<>(headers.keySet()).stream().toList());
        out.put("body", body == null ? null : Secrets.redact(body.template().source()));
        out.put("output", output.toString());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("input", inputTokens == null ? null : inputTokens.toString());
        usage.put("output", outputTokens == null ? null : outputTokens.toString());
        out.put("usage", usage);
        out.put("pricing", Map.of("input_per_mtok", pricing.inputPerMtok(), "output_per_mtok", pricing.outputPerMtok()));
        out.put("timeout", Durations.format(timeout));
        out.put("max_retries", retry.maxRetries());
        out.put("tokenizer", tokenizer);
        return out;
    }
}
