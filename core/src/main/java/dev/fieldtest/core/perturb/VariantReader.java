package dev.fieldtest.core.perturb;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a suite's {@code perturb:} and {@code generate:} sections (docs/robustness.md) into
 * {@link Variations}. Every problem goes to {@code problems} with its file:line:column, so the loader
 * reports them together with the suite's others.
 */
public final class VariantReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final Map<String, String> DEFAULT_EXPECT = Map.of("ambiguous", "clarify", "malformed", "clarify");
    private static final Map<String, String> TAG = Map.of("ambiguous", "ambiguous", "injection", "adversarial", "malformed", "malformed");

    private VariantReader() {}

    /** Either node may be null (absent); {@code knownVars} are the var names any case has. */
    public static Variations read(ConfigNode perturb, ConfigNode generate, Set<String> knownVars, Problems problems) {
        long seed = 0;
        List<String> vars = null;
        List<Variant> out = new ArrayList<>();
        Map<String, Location> names = new HashMap<>();
        if (perturb != null) {
            ConfigReader r = new ConfigReader(perturb, problems).allowKeys(Set.of("seed", "vars", "with"));
            seed = seed(r);
            vars = r.has("vars") ? varNames(r, "vars", knownVars) : null;
            List<ConfigNode> with = r.get("with").map(ConfigNode::items).orElse(List.of());
            if (with.isEmpty() && perturb.isMap()) {
                problems.add(r.get("with").map(ConfigNode::location).orElse(perturb.location()), "perturb has no perturbations",
                        "add `with:` and a list such as [{type: typos, rate: 0.1}, {type: case, mode: lower}]");
            }
            for (ConfigNode spec : with) add(spec(spec, false, vars, knownVars, problems), spec, names, out, problems);
        }
        if (generate != null) {
            if (!generate.isList()) {
                problems.add(generate.location(), "generate must be a list of generators, but was " + generate.describe(),
                        "write `generate: [{type: ambiguous}, {type: injection}, {type: malformed}]`");
            }
            for (ConfigNode spec : generate.items()) add(spec(spec, true, null, knownVars, problems), spec, names, out, problems);
        }
        return new Variations(seed, out);
    }

    private static void add(Variant v, ConfigNode spec, Map<String, Location> names, List<Variant> out, Problems problems) {
        if (v == null) return;
        Location first = names.putIfAbsent(v.name(), spec.location());
        if (first != null) {
            problems.add(spec.location(), "variant name \"" + v.name() + "\" is used twice (first at " + first + ")",
                    "give one of them `name:`, such as `name: " + v.name() + "-2`; names become the variant's id suffix and tag");
        } else {
            out.add(v);
        }
    }

    private static Variant spec(ConfigNode spec, boolean generator, List<String> defaultVars, Set<String> knownVars, Problems problems) {
        ConfigReader r = new ConfigReader(spec, problems);
        if (!spec.isMap()) return null;
        String type = r.requiredString("type", generator ? "add `type: ambiguous`, `injection` or `malformed`" : "add a type such as `type: typos`");
        if (type == null) return null;
        Map<String, Set<String>> mine = generator ? SpecReader.GENERATORS : SpecReader.PERTURBATIONS;
        if (!mine.containsKey(type)) {
            unknownType(spec.get("type").orElseThrow(), type, generator, problems);
            return null;
        }
        r.allowKeys(SpecReader.keys(type));
        String name = r.string("name", type);
        if (!NAME.matcher(name).matches()) {
            problems.add(spec.get("name").orElseThrow().location(), "variant name \"" + name + "\" must start with a letter or digit and use only letters, digits and _ . : -",
                    "it becomes part of case ids (<case id>~<name>) and the tag variant:<name>");
        }
        List<String> vars = r.has("vars") ? varNames(r, "vars", knownVars) : defaultVars;
        if (type.equals("ambiguous") && r.has("remove")) {
            if (r.has("vars")) problems.add(spec.get("remove").orElseThrow().location(), spec.path() + " has both remove and vars", "give only `remove:`: the vars blanked out");
            vars = varNames(r, "remove", knownVars);
        }
        // Null keeps the case's own expect: an injected case should still be answered as written.
        String expect = !generator ? null : r.has("expect") ? SpecReader.choice(r, "expect", "answer", Case.EXPECTS).toLowerCase(java.util.Locale.ROOT)
                : DEFAULT_EXPECT.get(type);
        Transform t = SpecReader.transform(type, r);
        List<String> tags = TAG.containsKey(type) ? List.of(TAG.get(type)) : List.of();
        return new Variant(name, type, t, vars, expect, tags);
    }

    private static void unknownType(ConfigNode at, String type, boolean generator, Problems problems) {
        Map<String, Set<String>> other = generator ? SpecReader.PERTURBATIONS : SpecReader.GENERATORS;
        if (other.containsKey(type)) {
            problems.add(at.location(), "\"" + type + "\" is a " + (generator ? "perturbation" : "generator"),
                    generator ? "list it under `perturb: {with: [...]}`" : "list it under `generate:`");
            return;
        }
        Set<String> known = new TreeSet<>(generator ? SpecReader.GENERATORS.keySet() : SpecReader.PERTURBATIONS.keySet());
        String near = dev.fieldtest.core.config.Spelling.closest(type, known);
        problems.add(at.location(), "unknown " + (generator ? "generator" : "perturbation") + " type \"" + type + "\"",
                near != null ? "did you mean '" + near + "'?" : "use one of " + String.join(", ", known));
    }

    private static long seed(ConfigReader r) {
        ConfigNode n = r.get("seed").orElse(null);
        if (n == null) return 0;
        if (n.scalar() instanceof Long l) return l;
        r.problems().add(n.location(), n.path() + " must be a whole number, but was " + n.describe(), "write `seed: 42`");
        return 0;
    }

    private static List<String> varNames(ConfigReader r, String key, Set<String> knownVars) {
        List<String> names = r.strings(key);
        ConfigNode list = r.get(key).orElseThrow();
        for (int i = 0; i < names.size(); i++) {
            if (knownVars.contains(names.get(i))) continue;
            ConfigNode at = list.isList() && i < list.items().size() ? list.items().get(i) : list;
            String near = dev.fieldtest.core.config.Spelling.closest(names.get(i), knownVars);
            r.problems().add(at.location(), "no case has a var \"" + names.get(i) + "\"",
                    near != null ? "did you mean '" + near + "'?" : "the cases' vars are " + String.join(", ", new TreeSet<>(knownVars)));
        }
        return names;
    }
}
