package dev.fieldtest.chaos;

import java.util.List;

/**
 * The faults to inject, in plan order, and the seed of every random choice. A request gets at most one fault: the
 * first whose trigger selects it. Immutable.
 */
public record Plan(List<Fault> faults, long seed) {
    public Plan {
        faults = List.copyOf(faults);
    }

    /** The fault for request number {@code request} (1-based) arriving {@code seconds} after start, or null. */
    public Fault select(long request, double seconds) {
        for (Fault f : faults) {
            if (f.trigger().selects(seed, request, f.index(), seconds)) return f;
        }
        return null;
    }

    public Plan withSeed(long newSeed) {
        return new Plan(faults, newSeed);
    }
}
