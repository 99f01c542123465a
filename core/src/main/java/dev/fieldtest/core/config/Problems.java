package dev.fieldtest.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while an input is validated, so all of them are reported together. Not thread-safe. */
public final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    public void add(Location where, String message, String fix) {
        found.add(new ConfigProblem(where, message, fix));
    }

    public void addAll(ConfigException e) {
        found.addAll(e.problems());
    }

    public void addAll(Problems other) {
        found.addAll(other.found);
    }

    public java.util.List<ConfigProblem> list() {
        return java.util.List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a {@link ConfigException} carrying every problem added so far, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) throw new ConfigException(found);
    }
}
