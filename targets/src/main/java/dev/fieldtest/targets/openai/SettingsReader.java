package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.RetryPolicy;
import dev.fieldtest.targets.call.SharedSettings;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Reads {@link OpenAiSettings} from a target spec, reporting every problem with its location. Not thread-safe. */
final class SettingsReader {
    private static final Set<String> KEYS = Set.of("id", "type", "base_url", "api_key", "model", "params", "stream", "pricing",
            "timeout", "max_retries", "retry_on", "backoff", "backoff_max", "headers", "tokenizer");
    /** Body fields the target writes itself; a params copy would silently fight them. */
    private static final Set<String> OWN_FIELDS = Set.of("model", "messages", "stream");
    private final TargetSpec spec;
    private final Env env;
    private final Problems problems;
    private final ConfigReader r;

    SettingsReader(TargetSpec spec, Env env, Problems problems) {
        this.spec = spec;
        this.env = env;
        this.problems = problems;
        this.r = new ConfigReader(spec.settings(), problems).allowKeys(KEYS);
    }

    /** The settings; meaningless (possibly null) when problems were added. */
    OpenAiSettings read() {
        String id = spec.id() != null ? spec.id() : r.requiredString("id", "give the target an id, such as \"gpt-4o-mini\"");
        URI endpoint = endpoint();
        String model = required("model", false, "set the model name the server expects, such as \"gpt-4o-mini\"");
        String apiKey = r.get("api_key").map(n -> env.expand(n, true, problems)).filter(k -> !k.isBlank()).orElse(null);
        Map<String, Object> params = SharedSettings.params(r, OWN_FIELDS, Set.of("messages"), "write the prompt under the suite's messages",
                "params: {temperature: 0, max_tokens: 256}");
        boolean stream = r.bool("stream", false);
        Pricing pricing = r.pricing("pricing", true);
        Duration timeout = r.positiveDuration("timeout", Defaults.TIMEOUT);
        RetryPolicy retry = SharedSettings.retry(r);
        Map<String, String> headers = SharedSettings.headers(r, env, apiKey != null ? "authorization" : null, "api_key");
        String tokenizer = dev.fieldtest.targets.tokens.TokenCounter.readEncoding(r);
        if (endpoint == null || model == null) return null;
        return new OpenAiSettings(id, endpoint, apiKey, model, params, stream, pricing, timeout, retry, headers, tokenizer);
    }

    private URI endpoint() {
        String base = required("base_url", false, "use the API's base URL, such as https://api.openai.com/v1");
        if (base == null) return null;
        String trimmed = base.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed + "/chat/completions");
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the same fix as a wrong scheme
        }
        problem("base_url", "must be an http(s) URL without a query, but was \"" + base + "\"",
                "use the API's base URL, such as https://api.openai.com/v1 or http://localhost:8000/v1");
        return null;
    }

    private String required(String key, boolean secret, String fix) {
        if (!r.get(key).isPresent()) {
            r.requiredString(key, fix);
            return null;
        }
        ConfigNode n = r.get(key).get();
        if (n.isMap() || n.isList()) return r.string(key, null); // reports "must be a string"
        String value = env.expand(n, secret, problems);
        if (value != null && value.isBlank()) {
            problems.add(n.location(), n.path() + " is empty", fix);
            return null;
        }
        return value;
    }


    /** A problem with {@code key}'s value: "targets[0].key <message>" at the value's location. */
    private void problem(String key, String message, String fix) {
        ConfigNode n = r.get(key).orElse(spec.settings());
        problems.add(n.location(), (spec.settings().path().isEmpty() ? key : spec.settings().path() + "." + key) + " " + message, fix);
    }
}
