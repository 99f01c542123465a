package dev.fieldtest.core.perturb;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one perturbation or generator spec's options into its {@link Transform}; problems go to the reader. */
final class SpecReader {
    static final Map<String, Set<String>> PERTURBATIONS = Map.of(
            "typos", Set.of("rate"), "case", Set.of("mode"), "whitespace", Set.of("rate"),
            "punctuation", Set.of("mode", "rate"), "homoglyphs", Set.of("rate"), "filler", Set.of("text", "position"),
            "truncate", Set.of("keep"), "rephrase", Set.of("templates"), "reorder", Set.of(), "format", Set.of("to"));
    static final Map<String, Set<String>> GENERATORS = Map.of(
            "ambiguous", Set.of("remove", "expect"), "injection", Set.of("payloads", "position", "expect"),
            "malformed", Set.of("mode", "expect"));
    static final double DEFAULT_RATE = 0.1;
    static final double DEFAULT_KEEP = 0.7;

    private SpecReader() {}

    /** The transform of a spec whose type is known; {@code r} has already checked its keys. */
    static Transform transform(String type, ConfigReader r) {
        return switch (type) {
            case "typos" -> new Typos(rate(r));
            case "case" -> new CaseChange(CaseChange.Mode.valueOf(choice(r, "mode", "random", List.of("lower", "upper", "random", "title"))));
            case "whitespace" -> new Whitespace(rate(r));
            case "punctuation" -> new Punctuation(Punctuation.Mode.valueOf(choice(r, "mode", "strip", List.of("strip", "noise"))), rate(r));
            case "homoglyphs" -> new Homoglyphs(rate(r));
            case "filler" -> new Filler(r.string("text", Filler.DEFAULT), choice(r, "position", "before", List.of("before", "after")).equals("BEFORE"));
            case "truncate" -> new Truncate(r.number("keep", DEFAULT_KEEP, 0.01, 1));
            case "rephrase" -> new Rephrase(templates(r));
            case "reorder" -> new Reorder();
            case "format" -> new Format(choice(r, "to", "lines", Format.TO).toLowerCase(Locale.ROOT));
            case "ambiguous" -> r.has("remove") ? new Blank() : new Ambiguous();
            case "injection" -> new Injection(payloads(r), Injection.Position.valueOf(choice(r, "position", "after", List.of("before", "after", "middle"))));
            case "malformed" -> new Malformed(Malformed.Mode.valueOf(choice(r, "mode", "auto", List.of("auto", "broken-json", "mixed-encoding"))));
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static double rate(ConfigReader r) {
        return r.number("rate", DEFAULT_RATE, 0, 1);
    }

    /** One of {@code allowed} (as an enum constant name), or the default after adding a problem. */
    static String choice(ConfigReader r, String key, String fallback, List<String> allowed) {
        String v = r.string(key, fallback);
        if (!allowed.contains(v)) {
            ConfigNode n = r.get(key).orElseThrow();
            String near = dev.fieldtest.core.config.Spelling.closest(v, allowed);
            r.problems().add(n.location(), n.path() + " must be one of " + String.join(", ", allowed) + ", but was \"" + v + "\"",
                    near != null ? "did you mean '" + near + "'?" : null);
            v = fallback;
        }
        return v.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static List<String> templates(ConfigReader r) {
        List<String> t = r.strings("templates");
        if (t.isEmpty()) {
            r.problems().add(r.get("templates").map(ConfigNode::location).orElse(r.node().location()), r.node().path() + " needs templates",
                    "add `templates: [\"Quick question: {{input}}\"]`; {{input}} stands for the var's value");
            return List.of("{{input}}");
        }
        ConfigNode list = r.get("templates").orElseThrow();
        for (int i = 0; i < t.size(); i++) {
            if (!Rephrase.INPUT.matcher(t.get(i)).find()) {
                ConfigNode at = list.isList() ? list.items().get(i) : list;
                r.problems().add(at.location(), at.path() + " has no {{input}}", "write {{input}} where the var's value goes, as in \"Quick question: {{input}}\"");
            }
        }
        return t;
    }

    private static List<String> payloads(ConfigReader r) {
        List<String> p = r.strings("payloads");
        if (r.has("payloads") && p.isEmpty()) {
            r.problems().add(r.get("payloads").orElseThrow().location(), r.node().path() + ".payloads is empty", "list at least one payload, or leave the key out for the built-in ones");
        }
        return p.isEmpty() ? Injection.DEFAULT_PAYLOADS : p;
    }

    /** Keys every spec of this kind accepts besides its type's options. */
    static Set<String> keys(String type) {
        Set<String> keys = new HashSet<>(Set.of("type", "name", "vars"));
        keys.addAll(PERTURBATIONS.getOrDefault(type, GENERATORS.getOrDefault(type, Set.of())));
        return keys;
    }
}
