package dev.fieldtest.targets.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.call.SharedSettings;
import dev.fieldtest.targets.tokens.TokenCounter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@link HttpSettings}, reporting every problem with its location and a fix. Not thread-safe. */
final class HttpSettingsReader {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH");
    private final TargetSpec spec;
    private final Env env;
    private final Problems problems;
    private final ConfigReader r;

    HttpSettingsReader(TargetSpec spec, Env env, Problems problems) {
        this.spec = spec;
        this.env = env;
        this.problems = problems;
        Set<String> keys = new HashSet<>(Set.of("id", "type", "url", "method", "headers", "body", "output", "usage", "pricing", "timeout", "tokenizer"));
        keys.addAll(SharedSettings.RETRY_KEYS);
        this.r = new ConfigReader(spec.settings(), problems).allowKeys(keys);
    }

    HttpSettings read() {
        String id = spec.id() != null ? spec.id() : r.requiredString("id", "give the target an id, such as \"my-service\"");
        URI url = url();
        String method = r.string("method", "POST").toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            problems.add(r.get("method").get().location(), spec.settings().path() + ".method must be one of GET, POST, PUT, PATCH, but was \"" + method + "\"", null);
        }
        BodyTemplate body = body(method);
        JsonPointer output = pointer(r.node(), "output", true);
        ConfigNode usage = r.get("usage").orElse(null);
        JsonPointer in = null, out = null;
        if (usage != null) {
            if (!usage.isMap()) {
                problems.add(usage.location(), usage.path() + " must be a map {input: /pointer, output: /pointer}, but was " + usage.describe(), null);
            } else {
                new ConfigReader(usage, problems).allowKeys(Set.of("input", "output"));
                in = pointer(usage, "input", false);
                out = pointer(usage, "output", false);
            }
        }
        var pricing = r.pricing("pricing", true);
        var timeout = r.positiveDuration("timeout", Defaults.TIMEOUT);
        var retry = SharedSettings.retry(r);
        var headers = SharedSettings.headers(r, env, null, null);
        String tokenizer = TokenCounter.readEncoding(r);
        if (url == null || output == null || !problems.isEmpty()) return null;
        return new HttpSettings(id, url, method, headers, body, output, in, out, pricing, timeout, retry, tokenizer);
    }

    private URI url() {
        if (!r.has("url")) {
            r.requiredString("url", "write the endpoint, such as url: https://example.com/api/answer");
            return null;
        }
        ConfigNode n = r.get("url").get();
        String text = n.isMap() || n.isList() ? null : env.expand(n, false, problems);
        if (text == null) return null;
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(n.location(), n.path() + " must be an http(s) URL, but was \"" + text + "\"", "write the full endpoint, such as https://example.com/api/answer");
        return null;
    }

    private BodyTemplate body(String method) {
        ConfigNode n = r.get("body").orElse(null);
        if (n == null) {
            if (!method.equals("GET")) {
                problems.add(spec.settings().location(), spec.settings().path() + " has no body for " + method,
                        "write body: '{\"input\": {{prompt}}}' ({{prompt}}, {{system}} and {{messages}} are JSON values)");
            }
            return null;
        }
        if (method.equals("GET")) {
            problems.add(n.location(), n.path() + " is set but GET sends no body", "use method: POST, or remove body");
            return null;
        }
        if (!n.isString()) {
            problems.add(n.location(), n.path() + " must be a text (the JSON to send), but was " + n.describe(),
                    "write it as a YAML block: body: |  followed by the JSON on the next lines");
            return null;
        }
        Template t = Template.of(env.expand(n, true, problems), n.location());
        for (String name : t.names()) {
            if (!BodyTemplate.NAMES.contains(name)) {
                problems.add(n.location(), n.path() + " uses {{" + name + "}}, which an http target does not fill",
                        "use {{prompt}}, {{system}} or {{messages}}");
                return null;
            }
        }
        BodyTemplate body = new BodyTemplate(t);
        try {
            new ObjectMapper().readTree(body.render(List.of(new Message("system", "s \"q\""), Message.user("u \"q\"\n"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(n.location(), n.path() + " is not JSON once filled in: " + e.getOriginalMessage(),
                    "placeholders are JSON values: write {\"input\": {{prompt}}}, not \"{{prompt}}\" in quotes");
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading a string never fails on I/O", e);
        }
        return body;
    }

    /** A JSON Pointer (RFC 6901) under {@code key} of {@code map}: "" or starting with "/". */
    private JsonPointer pointer(ConfigNode map, String key, boolean required) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) {
            if (required) problems.add(map.location(), map.path() + " needs '" + key + "'",
                    "write the JSON Pointer to the answer in the response, such as output: /choices/0/message/content");
            return null;
        }
        String text = n.isString() ? (String) n.scalar() : null;
        try {
            if (text != null) return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(n.location(), n.path() + " must be a JSON Pointer (RFC 6901) such as /data/answer, but was " + n.describe(),
                "start it with '/' and separate keys and array indexes with '/', such as /choices/0/text");
        return null;
    }
}
