package dev.fieldtest.chaos;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Spelling;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one fault of a plan: its kind, its trigger and the kind's parameters; problems are added, never thrown. */
final class FaultReader {
    private static final Set<String> TRIGGER = Set.of("kind", "share", "every", "window");
    /** The parameters each kind takes. */
    static final Map<String, Set<String>> PARAMS = Map.of(
            "latency", Set.of("ms", "jitter_ms"),
            "status", Set.of("status", "retry_after"),
            "timeout", Set.of(),
            "reset", Set.of(),
            "truncate", Set.of("chunks"),
            "malformed", Set.of("after"),
            "drip", Set.of("ms"));

    private FaultReader() {}

    /** The fault, or null when it had problems. */
    static Fault read(ConfigNode node, int index, Problems problems) {
        return problems.isolated(mine -> {
            if (!node.isMap()) {
                mine.add(node.location(), node.path() + " must be a map such as {kind: latency, ms: 200, share: 0.1}, but was " + node.describe(), null);
                return null;
            }
            String kind = kind(node, mine);
            Set<String> allowed = new HashSet<>(TRIGGER);
            if (kind != null) allowed.addAll(PARAMS.get(kind));
            else PARAMS.values().forEach(allowed::addAll);
            ConfigReader r = new ConfigReader(node, mine).allowKeys(allowed);
            Trigger trigger = trigger(r, mine);
            Action action = kind == null ? null : action(kind, r, mine);
            return new Fault(index, trigger, action);
        });
    }

    private static String kind(ConfigNode node, Problems problems) {
        ConfigNode k = node.get("kind").orElse(null);
        List<String> kinds = PARAMS.keySet().stream().sorted().toList();
        if (k == null) {
            problems.add(node.location(), node.path() + " needs 'kind'", "add `kind:` with one of " + String.join(", ", kinds));
            return null;
        }
        String name = String.valueOf(k.scalar());
        if (PARAMS.containsKey(name)) return name;
        String near = Spelling.closest(name, kinds);
        problems.add(k.location(), node.path() + ".kind must be one of " + String.join(", ", kinds) + ", but was " + k.describe(),
                near != null ? "did you mean \"" + near + "\"?" : "see docs/chaos.md for what each kind does");
        return null;
    }

    private static Trigger trigger(ConfigReader r, Problems problems) {
        ConfigNode node = r.node();
        if (!r.has("share") && !r.has("every") && !r.has("window")) {
            problems.add(node.location(), node.path() + " says when to inject nothing", "add `share: 0.1` (a share of requests), `every: 10` or `window: {from: 30, to: 60}`");
        }
        if (r.has("share") && r.has("every")) {
            problems.add(r.get("every").orElseThrow().keyLocation(), node.path() + " has both share and every", "keep one: share picks at random (seeded), every picks each N-th request");
        }
        Double share = r.has("share") ? r.number("share", 0, 0, 1) : null;
        Integer every = r.has("every") ? r.integer("every", 1, 1, Integer.MAX_VALUE) : null;
        Double from = null, to = null;
        ConfigNode w = r.get("window").orElse(null);
        if (w != null) {
            ConfigReader wr = new ConfigReader(w, problems).allowKeys(Set.of("from", "to"));
            from = wr.number("from", 0, 0, Double.MAX_VALUE);
            to = wr.number("to", Double.MAX_VALUE, 0, Double.MAX_VALUE);
            if (w.isMap() && !wr.has("to") && !wr.has("from")) problems.add(w.location(), node.path() + ".window needs from or to", "write {from: 30, to: 60} (seconds since the proxy started)");
            if (to <= from) problems.add(w.location(), node.path() + ".window.to (" + to + ") must be after from (" + from + ")", "raise to or lower from");
        }
        return new Trigger(share, every, from, to);
    }

    private static Action action(String kind, ConfigReader r, Problems problems) {
        return switch (kind) {
            case "latency" -> new Action.Latency(required(r, "ms", 0, 600_000, "add `ms: 200` (milliseconds added before forwarding)", problems),
                    r.integer("jitter_ms", 0, 0, 600_000));
            case "status" -> status(r, problems);
            case "timeout" -> new Action.Timeout();
            case "reset" -> new Action.Reset();
            case "truncate" -> new Action.Truncate(r.integer("chunks", 1, 0, 1_000_000));
            case "malformed" -> new Action.Malformed(r.integer("after", 1, 0, 1_000_000));
            default -> new Action.Drip(required(r, "ms", 1, 600_000, "add `ms: 100` (the wait before each stream event)", problems));
        };
    }

    private static Action status(ConfigReader r, Problems problems) {
        int status = required(r, "status", 0, 599, "add `status: 429` (or 500, 502, 503)", problems);
        if (r.has("status") && status != 429 && (status < 500 || status > 599)) {
            problems.add(r.get("status").orElseThrow().location(), r.node().path() + ".status must be 429 or a 5xx, but was " + status,
                    "use 429 for throttling or 500, 502, 503, 504 for server errors");
        }
        if (r.has("retry_after") && status != 429) {
            problems.add(r.get("retry_after").orElseThrow().keyLocation(), r.node().path() + ".retry_after only goes with status 429", "remove it, or use status: 429");
        }
        Integer retryAfter = r.has("retry_after") ? r.integer("retry_after", 0, 0, 86_400) : null;
        return new Action.Status(status, retryAfter);
    }

    private static int required(ConfigReader r, String key, int min, int max, String fix, Problems problems) {
        if (!r.has(key)) problems.add(r.node().location(), r.node().path() + " (kind " + r.node().get("kind").map(ConfigNode::scalar).orElse("?") + ") needs '" + key + "'", fix);
        return r.integer(key, min, min, max);
    }
}
