package dev.fieldtest.targets.anthropic;

import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.call.SharedSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads {@link AnthropicSettings}, reporting every problem with its location and a fix. Not thread-safe. */
final class AnthropicSettingsReader {
    private static final Set<String> KEYS = keys();
    /** Body fields the target writes itself. */
    private static final Set<String> OWN_FIELDS = Set.of("model", "messages", "system", "stream", "max_tokens");
    private final TargetSpec spec;
    private final Env env;
    private final Problems problems;
    private final ConfigReader r;

    AnthropicSettingsReader(TargetSpec spec, Env env, Problems problems) {
        this.spec = spec;
        this.env = env;
        this.problems = problems;
        this.r = new ConfigReader(spec.settings(), problems).allowKeys(KEYS);
    }

    private static Set<String> keys() {
        Set<String> k = new HashSet<>(Set.of("id", "type", "base_url", "api_key", "anthropic_version", "model", "max_tokens",
                "params", "stream", "pricing", "timeout", "headers", "tokenizer"));
        k.addAll(SharedSettings.RETRY_KEYS);
        return Set.copyOf(k);
    }

    AnthropicSettings read() {
        String id = spec.id() != null ? spec.id() : r.requiredString("id", "give the target an id, such as \"claude\"");
        URI endpoint = endpoint();
        String model = text("model", null, false, "set the model name, such as \"claude-sonnet-4-5\"");
        if (model == null && !r.has("model")) r.requiredString("model", "set the model name, such as \"claude-sonnet-4-5\"");
        String apiKey = text("api_key", null, true, "write api_key: ${ANTHROPIC_API_KEY}");
        if (apiKey == null && !r.has("api_key")) {
            problems.add(spec.settings().location(), spec.settings().path() + " has no api_key",
                    "write api_key: ${ANTHROPIC_API_KEY} (the API refuses calls without x-api-key)");
        }
        String version = text("anthropic_version", AnthropicSettings.DEFAULT_VERSION, false, "write anthropic_version: \"2023-06-01\"");
        int maxTokens = r.integer("max_tokens", AnthropicSettings.DEFAULT_MAX_TOKENS, 1, 1_000_000);
        Map<String, Object> params = SharedSettings.params(r, OWN_FIELDS, Set.of("messages", "system"),
                "write the prompt under the suite's messages (a system message becomes the top-level system)", "params: {temperature: 0, top_k: 40}");
        boolean stream = r.bool("stream", false);
        Pricing pricing = Pricing.FREE;
        double cacheWrite = 0, cacheRead = 0;
        ConfigNode p = r.get("pricing").orElse(null);
        if (p != null) {
            ConfigReader pr = new ConfigReader(p, problems).allowKeys(Set.of("input_per_mtok", "output_per_mtok", "cache_write_per_mtok", "cache_read_per_mtok"));
            double any = Double.MAX_VALUE;
            pricing = new Pricing(pr.number("input_per_mtok", 0, 0, any), pr.number("output_per_mtok", 0, 0, any));
            cacheWrite = pr.number("cache_write_per_mtok", pricing.inputPerMtok() * AnthropicSettings.CACHE_WRITE_FACTOR, 0, any);
            cacheRead = pr.number("cache_read_per_mtok", pricing.inputPerMtok() * AnthropicSettings.CACHE_READ_FACTOR, 0, any);
        }
        var timeout = r.positiveDuration("timeout", Defaults.TIMEOUT);
        var retry = SharedSettings.retry(r);
        Map<String, String> headers = SharedSettings.headers(r, env, "x-api-key", "api_key");
        String tokenizer = dev.fieldtest.targets.tokens.TokenCounter.readEncoding(r);
        if (endpoint == null || model == null || apiKey == null) return null;
        return new AnthropicSettings(id, endpoint, apiKey, version, model, maxTokens, params, stream, pricing, cacheWrite, cacheRead,
                timeout, retry, headers, tokenizer);
    }

    private URI endpoint() {
        String base = text("base_url", AnthropicSettings.DEFAULT_BASE_URL, false, "use the API's base URL, such as " + AnthropicSettings.DEFAULT_BASE_URL);
        if (base == null) return null;
        try {
            URI uri = new URI(base.strip().replaceAll("/+$", "") + "/v1/messages");
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null) return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        ConfigNode n = r.get("base_url").orElse(spec.settings());
        problems.add(n.location(), n.path() + " must be an http(s) URL without a query, but was \"" + base + "\"",
                "use the API's base URL without /v1, such as " + AnthropicSettings.DEFAULT_BASE_URL);
        return null;
    }

    /** A text setting with ${NAME} expanded; {@code fallback} when absent, null (with a problem) when empty or not text. */
    private String text(String key, String fallback, boolean secret, String fix) {
        ConfigNode n = r.get(key).orElse(null);
        if (n == null) return fallback;
        if (n.isMap() || n.isList()) return r.string(key, null); // reports "must be a string"
        String value = env.expand(n, secret, problems);
        if (value != null && value.isBlank()) {
            problems.add(n.location(), n.path() + " is empty", fix);
            return null;
        }
        return value;
    }
}
