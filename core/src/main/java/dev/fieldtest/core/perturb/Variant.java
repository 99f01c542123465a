package dev.fieldtest.core.perturb;

import dev.fieldtest.core.Case;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;

/**
 * One perturbation or generator as the suite declares it: its unique {@code name} (the variant name), the
 * {@code transform} applied to each chosen var, which vars ({@code null}: every string var, plus map and
 * list vars for structured transforms), the behaviour the variant expects ({@code null}: the case's own)
 * and the tags it adds besides {@code variant:<name>}. Immutable.
 */
public record Variant(String name, String type, Transform transform, List<String> vars, String expect, List<String> tags) {
    /** Tags with this prefix name a case's variant; suites may not write them. */
    public static final String TAG_PREFIX = "variant:";
    /** Separates a case's id from its variant's name in the variant case's id. */
    public static final String ID_SEPARATOR = "~";

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transform, "transform");
        vars = vars == null ? null : List.copyOf(vars);
        tags = List.copyOf(tags);
        if (expect != null && !Case.EXPECTS.contains(expect)) throw new IllegalArgumentException("expect must be one of " + Case.EXPECTS);
    }

    /**
     * This variant of {@code c}: id {@code <id>~<name>}, the chosen vars changed with a random seeded by
     * (seed, name, case id, var name), the same expected answer, the case's tags plus this variant's.
     */
    public Case of(Case c, long seed) {
        Map<String, Object> vars = new LinkedHashMap<>(c.vars());
        // Sorted: Case.vars() has no stable order, and each var's random is its own, so order only matters for clarity.
        for (String var : new TreeSet<>(c.vars().keySet())) {
            Object value = c.vars().get(var);
            if (!chosen(var, value)) continue;
            Random rnd = Seeds.random(seed, name, c.id(), var);
            vars.put(var, transform.apply(value, rnd));
        }
        List<String> t = new ArrayList<>(c.tags());
        for (String tag : tagsAdded()) if (!t.contains(tag)) t.add(tag);
        return new Case(c.id() + ID_SEPARATOR + name, vars, c.expected(), t, c.location(), expect != null ? expect : c.expect());
    }

    /** {@code variant:<name>} and this variant's own tags. */
    public List<String> tagsAdded() {
        List<String> out = new ArrayList<>();
        out.add(TAG_PREFIX + name);
        out.addAll(tags);
        return out;
    }

    private boolean chosen(String var, Object value) {
        if (value == null) return false;
        if (vars != null) return vars.contains(var);
        return value instanceof String || (transform.structured() && (value instanceof Map || value instanceof List));
    }

    /**
     * The variant a case is, or null for a case as written. Both marks must agree — the
     * {@code variant:<name>} tag and an id ending in {@code ~<name>} — so a stray tag cannot mislabel a case.
     */
    public static String nameOf(Case c) {
        for (String tag : c.tags()) {
            if (tag.startsWith(TAG_PREFIX)) {
                String name = tag.substring(TAG_PREFIX.length());
                if (c.id().endsWith(ID_SEPARATOR + name)) return name;
            }
        }
        return null;
    }
}
