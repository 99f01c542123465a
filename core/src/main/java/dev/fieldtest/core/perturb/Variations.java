package dev.fieldtest.core.perturb;

import dev.fieldtest.core.Case;
import java.util.ArrayList;
import java.util.List;

/**
 * A suite's perturbations and generators with the seed they draw from. {@link #expand} turns every case
 * into itself followed by one variant per perturbation, then one per generator, in the order the suite
 * lists them. Immutable.
 */
public record Variations(long seed, List<Variant> variants) {
    public static final Variations NONE = new Variations(0, List.of());

    public Variations {
        variants = List.copyOf(variants);
    }

    public List<Case> expand(List<Case> cases) {
        List<Case> out = new ArrayList<>(cases.size() * (variants.size() + 1));
        for (Case c : cases) {
            out.add(c);
            for (Variant v : variants) out.add(v.of(c, seed));
        }
        return out;
    }
}
