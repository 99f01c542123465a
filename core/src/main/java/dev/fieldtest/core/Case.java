package dev.fieldtest.core;

import dev.fieldtest.core.config.Location;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test case: an id, the variables its templates see, an optional expected answer, tags that name the
 * slices it belongs to, and the behaviour it expects ({@link #EXPECTS}; null when unstated). {@code location}
 * is where it was defined (file:line) for error messages. Immutable.
 */
public record Case(String id, Map<String, Object> vars, String expected, List<String> tags, Location location, String expect) {
    /** The behaviours a case may expect. */
    public static final List<String> EXPECTS = List.of("answer", "abstain", "clarify", "refuse");

    public Case {
        Objects.requireNonNull(id, "id");
        vars = Map.copyOf(vars);
        tags = List.copyOf(tags);
        if (expect != null && !EXPECTS.contains(expect)) throw new IllegalArgumentException("expect must be one of " + EXPECTS + ", but was " + expect);
    }

    public Case(String id, Map<String, Object> vars, String expected, List<String> tags, Location location) {
        this(id, vars, expected, tags, location, null);
    }
}
