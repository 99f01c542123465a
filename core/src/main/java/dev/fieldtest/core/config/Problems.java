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

    /**
     * Runs {@code read} against a list of its own, so that one part's validity does not depend on another's
     * problems; adds what it found here and returns null when it found any, else what it read.
     */
    public <T> T isolated(java.util.function.Function<Problems, T> read) {
        Problems mine = new Problems();
        T value = read.apply(mine);
        if (mine.isEmpty()) return value;
        addAll(mine);
        return null;
    }

    /** Throws a {@link ConfigException} carrying every problem added so far, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) throw new ConfigException(found);
    }
}
