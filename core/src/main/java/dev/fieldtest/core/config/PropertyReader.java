package dev.fieldtest.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite's {@code properties:} list (docs/suite.md) into {@link Property} records. Every problem is
 * added to the suite's {@link Problems} at its file:line:column with a fix, so all are reported together;
 * a property with a problem is left out of the result.
 */
public final class PropertyReader {
    private static final Set<String> KEYS = Set.of("name", "metric", "min", "max", "owner", "review");
    /** The top-level names of summary.json that hold numbers or objects of numbers (docs/summary-json.md). */
    static final List<String> TOP_LEVEL = List.of("completed_calls", "comparisons", "concurrency", "planned_calls",
            "provenance", "repeat", "schema_version", "targets", "wall_ms");
    private static final String EXAMPLE = "targets.*.pass_rate.value";

    private PropertyReader() {}

    /** The properties declared in {@code list} (null: none); {@code targetIds} are the suite's targets. */
    public static List<Property> read(ConfigNode list, Collection<String> targetIds, Problems problems) {
        if (list == null) return List.of();
        if (!list.isList()) {
            problems.add(list.location(), "properties must be a list of {name, metric, min or max, owner, review}, but was " + list.describe(),
                    "write each property as a list item: `- {name: accurate, metric: " + EXAMPLE + ", min: 0.8, owner: Ana}`");
            return List.of();
        }
        List<Property> out = new ArrayList<>();
        Map<String, Location> names = new HashMap<>();
        for (ConfigNode item : list.items()) {
            ConfigNode name = item.get("name").filter(ConfigNode::isString).orElse(null);
            Location first = name == null ? null : names.putIfAbsent((String) name.scalar(), item.location());
            if (first != null) {
                problems.add(name.location(), "property name " + name.describe() + " is used twice (first at " + first + ")",
                        "give every property its own name: junit.xml names a test case after it");
            }
            Property p = problems.isolated(mine -> one(item, targetIds, mine));
            if (p != null) out.add(p);
        }
        return out;
    }

    private static Property one(ConfigNode item, Collection<String> targetIds, Problems problems) {
        ConfigReader r = new ConfigReader(item, problems);
        if (!item.isMap()) return null;
        r.allowKeys(KEYS);
        String name = nonBlank(r, "name", "name the property, such as `name: answers-correctly`");
        String owner = nonBlank(r, "owner", "name the person who answers for this gate, such as `owner: Ana Lima`");
        String metric = nonBlank(r, "metric", "point at a number in summary.json, such as `metric: " + EXAMPLE + "`");
        if (metric != null) checkMetric(item.get("metric").orElseThrow(), metric, targetIds, problems);
        Double min = bound(item, "min", problems);
        Double max = bound(item, "max", problems);
        if (!item.has("min") && !item.has("max")) {
            problems.add(item.location(), item.path() + " must have min, max or both, but has neither",
                    "add `min: 0.8` (the value must be at least this) or `max: 2000` (at most this)");
        } else if (min != null && max != null && min > max) {
            ConfigNode n = item.get("max").orElseThrow();
            problems.add(n.location(), n.path() + " must be at least min (" + item.get("min").orElseThrow().describe() + "), but was " + n.describe(),
                    "swap min and max, or widen the range");
        }
        List<String> review = review(item, problems);
        return new Property(name, metric, min, max, owner, review, item.location());
    }

    private static String nonBlank(ConfigReader r, String key, String fix) {
        String s = r.requiredString(key, fix);
        if (s != null && s.isBlank()) {
            ConfigNode n = r.get(key).orElseThrow();
            r.problems().add(n.location(), n.path() + " must be a non-empty text, but was " + n.describe(), fix);
            return null;
        }
        return s;
    }

    private static Double bound(ConfigNode item, String key, Problems problems) {
        ConfigNode n = item.get(key).orElse(null);
        if (n == null) return null;
        if (n.isNumber() && Double.isFinite(((Number) n.scalar()).doubleValue())) return ((Number) n.scalar()).doubleValue();
        problems.add(n.location(), n.path() + " must be a number, but was " + n.describe(),
                "write a plain number such as `" + key + ": 0.8` (a rate is a share from 0 to 1, not a percentage)");
        return null;
    }

    private static List<String> review(ConfigNode item, Problems problems) {
        ConfigNode n = item.get("review").orElse(null);
        if (n == null) return Defaults.PROPERTY_REVIEW;
        List<ConfigNode> values = n.isList() ? n.items() : List.of(n);
        Set<String> out = new LinkedHashSet<>();
        for (ConfigNode v : values) {
            String s = v.isString() ? (String) v.scalar() : null;
            if (s != null && Property.REVIEWS.contains(s)) {
                out.add(s);
                continue;
            }
            String near = s == null ? null : Spelling.closest(s, Property.REVIEWS);
            problems.add(v.location(), v.path() + " must be week4, week12 or quarterly, but was " + v.describe(),
                    near != null ? "did you mean '" + near + "'?" : "write `review: [week12, quarterly]` (docs/ci.md explains the cadences)");
        }
        if (n.isList() && values.isEmpty()) {
            problems.add(n.location(), n.path() + " must name at least one of week4, week12 or quarterly, but was empty",
                    "leave review out for the default [" + String.join(", ", Defaults.PROPERTY_REVIEW) + "]");
        }
        return List.copyOf(out);
    }

    /** The path's shape, its first name, and the target it names, all checked before any call is made. */
    private static void checkMetric(ConfigNode n, String metric, Collection<String> targetIds, Problems problems) {
        String[] parts = metric.split("\\.", -1);
        String was = ", but was " + n.describe();
        for (String part : parts) {
            if (part.isEmpty()) {
                problems.add(n.location(), n.path() + " must be a dotted path such as " + EXAMPLE + was, "remove the empty part between dots");
                return;
            }
            if (part.contains("*") && !part.equals("*")) {
                problems.add(n.location(), n.path() + " must use * only as a whole part between dots" + was, "write it like " + EXAMPLE);
                return;
            }
        }
        if (!TOP_LEVEL.contains(parts[0])) {
            String near = Spelling.closest(parts[0], TOP_LEVEL);
            problems.add(n.location(), n.path() + " must start with one of " + String.join(", ", TOP_LEVEL) + was,
                    near != null ? "did you mean '" + near + "'?" : "see docs/summary-json.md for the names in summary.json");
            return;
        }
        if (!parts[0].equals("targets") && !parts[0].equals("comparisons")) return;
        if (parts.length < 3) {
            problems.add(n.location(), n.path() + " must name a key (or *) and a metric after " + parts[0] + ", such as " + EXAMPLE + was,
                    "add the metric, such as ." + (parts[0].equals("targets") ? "*.latency_ms.p95" : "*.a_win_rate"));
            return;
        }
        String rest = metric.substring(parts[0].length() + 1);
        if (parts[0].equals("targets") && !rest.startsWith("*.") && targetIds.stream().noneMatch(id -> rest.startsWith(id + "."))) {
            String near = Spelling.closest(parts[1], targetIds);
            problems.add(n.location(), n.path() + " must name one of the suite's targets (" + String.join(", ", targetIds) + ") or * after targets." + was,
                    near != null ? "did you mean '" + near + "'?" : "write targets.*." + String.join(".", List.of(parts).subList(2, parts.length)) + " to check every target");
        }
    }
}
