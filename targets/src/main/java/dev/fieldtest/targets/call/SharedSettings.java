package dev.fieldtest.targets.call;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings every HTTP target reads the same way (retries, extra headers), with the same problems and fixes. */
public final class SharedSettings {
    /** The keys {@link #retry} reads. */
    public static final Set<String> RETRY_KEYS = Set.of("max_retries", "retry_on", "backoff", "backoff_max");

    private SharedSettings() {}

    /** {@code max_retries}, {@code retry_on}, {@code backoff}, {@code backoff_max}, defaults from {@link Defaults}. */
    public static RetryPolicy retry(ConfigReader r) {
        return retry(r, Defaults.MAX_RETRIES);
    }

    /** As {@link #retry(ConfigReader)} with another default for {@code max_retries}. */
    public static RetryPolicy retry(ConfigReader r, int defaultMaxRetries) {
        return new RetryPolicy(r.integer("max_retries", defaultMaxRetries, 0, 100), retryOn(r, r.problems()),
                r.duration("backoff", Defaults.BACKOFF_BASE), r.duration("backoff_max", Defaults.BACKOFF_MAX), Defaults.RETRY_AFTER_MAX);
    }

    private static Set<ErrorClass> retryOn(ConfigReader r, Problems problems) {
        ConfigNode n = r.get("retry_on").orElse(null);
        if (n == null) return Defaults.RETRY_ON.stream().map(ErrorClass::fromWireName).collect(java.util.stream.Collectors.toSet());
        Set<ErrorClass> out = EnumSet.noneOf(ErrorClass.class);
        for (ConfigNode item : n.isList() ? n.items() : List.of(n)) {
            String name = item.isMap() || item.isList() || item.isNull() ? null : String.valueOf(item.scalar());
            ErrorClass e = Arrays.stream(ErrorClass.values()).filter(c -> c.wireName().equals(name)).findFirst().orElse(null);
            if (e == null) {
                problems.add(item.location(), item.path() + " must name an error class, but was " + item.describe(),
                        "use any of " + String.join(", ", Arrays.stream(ErrorClass.values()).map(ErrorClass::wireName).toList()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * {@code headers}: a map of names to values, {@code ${NAME}} expanded and registered as secrets. A header named
     * {@code reserved} (any case; null for none) conflicts with {@code reservedBy}, which sets it already.
     */
    public static Map<String, String> headers(ConfigReader r, Env env, String reserved, String reservedBy) {
        Problems problems = r.problems();
        ConfigNode n = r.get("headers").orElse(null);
        if (n == null) return Map.of();
        if (!n.isMap()) {
            problems.add(n.location(), n.path() + " must be a map of header names to values, but was " + n.describe(), null);
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEach((name, node) -> {
            String value = node.isMap() || node.isList() ? null : env.expand(node, true, problems);
            if (node.isMap() || node.isList()) {
                problems.add(node.location(), node.path() + " must be a text, but was " + node.describe(), null);
            } else if (reserved != null && name.equalsIgnoreCase(reserved)) {
                problems.add(node.location(), node.path() + " conflicts with " + reservedBy + ", which already sets " + name,
                        "keep one of them");
            } else if (value != null) {
                try {
                    HttpRequest.newBuilder().header(name, value); // the JDK refuses Host, Content-Length, ...
                    out.put(name, value);
                } catch (IllegalArgumentException e) {
                    problems.add(node.location(), "header '" + name + "' cannot be set by a client", "remove it from " + n.path());
                }
            }
        });
        return out;
    }


    /**
     * {@code params}: extra request-body fields, passed through as written. A field the target writes itself is a
     * problem; {@code promptFix} is the fix for {@code messages} (and whatever else carries the prompt), {@code example}
     * shows a valid map.
     */
    public static Map<String, Object> params(ConfigReader r, Set<String> ownFields, Set<String> promptFields, String promptFix, String example) {
        ConfigNode n = r.get("params").orElse(null);
        if (n == null) return Map.of();
        if (!n.isMap()) {
            r.problems().add(n.location(), n.path() + " must be a map of request fields, but was " + n.describe(), "write for example " + example);
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEach((key, value) -> {
            if (ownFields.contains(key)) {
                r.problems().add(value.location(), n.path() + "." + key + " is set by fieldtest itself",
                        promptFields.contains(key) ? promptFix : "use the target's own '" + key + "' setting");
            } else {
                out.put(key, value.toPlain());
            }
        });
        return out;
    }
}
