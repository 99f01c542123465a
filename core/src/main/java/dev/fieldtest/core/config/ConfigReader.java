package dev.fieldtest.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed reads from one map node. A bad value adds a problem ("x must be …, but was …") at the value's
 * location and returns the default, so validation goes on and reports every problem at once.
 * Not thread-safe.
 */
public final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private final ConfigNode map;
    private final Problems problems;

    public ConfigReader(ConfigNode map, Problems problems) {
        this.map = map;
        this.problems = problems;
        if (!map.isMap()) {
            problems.add(map.location(), where(map) + " must be a map of settings, but was " + map.describe(), null);
        }
    }

    public ConfigNode node() { return map; }

    public Problems problems() { return problems; }

    public Optional<ConfigNode> get(String key) { return map.get(key); }

    public boolean has(String key) { return map.has(key); }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    public ConfigReader allowKeys(Set<String> allowed) {
        map.fields().forEach((key, value) -> {
            if (!allowed.contains(key)) {
                String near = Spelling.closest(key, allowed);
                problems.add(value.keyLocation(), "unknown key '" + key + "' in " + where(map),
                        near != null ? "did you mean '" + near + "'?" : "allowed keys are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
        return this;
    }

    public String string(String key, String fallback) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return fallback;
        if (n.isMap() || n.isList()) {
            return fail(n, "a string", fallback);
        }
        return String.valueOf(n.scalar());
    }

    public String requiredString(String key, String fix) {
        String s = string(key, null);
        if (s == null && !map.has(key) && map.isMap()) {
            problems.add(map.location(), where(map) + " needs '" + key + "'", fix);
        }
        return s;
    }

    public double number(String key, double fallback, double min, double max) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return fallback;
        if (!n.isNumber() || ((Number) n.scalar()).doubleValue() < min || ((Number) n.scalar()).doubleValue() > max) {
            return fail(n, "a number from " + fmt(min) + " to " + fmt(max), fallback);
        }
        return ((Number) n.scalar()).doubleValue();
    }

    public int integer(String key, int fallback, int min, int max) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return fallback;
        if (!(n.scalar() instanceof Long l) || l < min || l > max) {
            return fail(n, "a whole number from " + min + " to " + max, fallback);
        }
        return l.intValue();
    }

    public boolean bool(String key, boolean fallback) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return fallback;
        if (!n.isBoolean()) return fail(n, "true or false", fallback);
        return (Boolean) n.scalar();
    }

    /** A duration: a number of seconds, or a number with a unit ms, s, m or h ("500ms", "30s"). */
    public Duration duration(String key, Duration fallback) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return fallback;
        Matcher m = n.isMap() || n.isList() ? null : DURATION.matcher(String.valueOf(n.scalar()).trim());
        if (m == null || !m.matches()) return fail(n, "a duration such as 30s, 500ms or 2m", fallback);
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    /** A {@link #duration} that must be longer than 0 (a timeout, a window); 0 is reported at the value. */
    public Duration positiveDuration(String key, Duration fallback) {
        Duration d = duration(key, fallback);
        if (d.isZero()) {
            ConfigNode n = map.get(key).orElseThrow();
            problems.add(n.location(), n.path() + " must be longer than 0", "use a duration such as 30s");
        }
        return d;
    }

    /** A regular expression, compiled; a syntax error is reported with the pattern's own explanation. */
    public Pattern regex(String key) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return null;
        if (!n.isString()) return fail(n, "a regular expression string", null);
        try {
            return Pattern.compile((String) n.scalar());
        } catch (PatternSyntaxException e) {
            problems.add(n.location(), n.path() + " is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex(), "escape special characters such as ( [ { . * + ? with a backslash");
            return null;
        }
    }

    /**
     * {@code pricing: {input_per_mtok, output_per_mtok, per_call, per_second}} in USD, every part optional
     * and at least 0; {@link dev.fieldtest.core.Pricing#FREE} when the key is absent. A target whose cost
     * is only per token may pass {@code tokensOnly} to refuse the per-call and per-second parts.
     */
    public dev.fieldtest.core.Pricing pricing(String key, boolean tokensOnly) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return dev.fieldtest.core.Pricing.FREE;
        Set<String> keys = tokensOnly ? Set.of("input_per_mtok", "output_per_mtok")
                : Set.of("input_per_mtok", "output_per_mtok", "per_call", "per_second");
        ConfigReader p = new ConfigReader(n, problems).allowKeys(keys);
        double any = Double.MAX_VALUE;
        return new dev.fieldtest.core.Pricing(p.number("input_per_mtok", 0, 0, any), p.number("output_per_mtok", 0, 0, any),
                p.number("per_call", 0, 0, any), p.number("per_second", 0, 0, any));
    }

    /** A string or a list of strings, as a list. */
    public List<String> strings(String key) {
        ConfigNode n = map.get(key).orElse(null);
        if (n == null) return List.of();
        if (!n.isList()) return List.of(String.valueOf(n.scalar()));
        List<String> out = new ArrayList<>();
        for (ConfigNode item : n.items()) {
            if (item.isMap() || item.isList() || item.isNull()) fail(item, "a string", null);
            else out.add(String.valueOf(item.scalar()));
        }
        return out;
    }

    private <T> T fail(ConfigNode n, String expected, T fallback) {
        problems.add(n.location(), n.path() + " must be " + expected + ", but was " + n.describe(), null);
        return fallback;
    }

    private static String where(ConfigNode n) {
        return n.path().isEmpty() ? "the top level" : n.path();
    }

    private static String fmt(double d) {
        if (d == Double.MAX_VALUE) return "any";
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
