package dev.fieldtest.core;

import dev.fieldtest.core.config.Location;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test case: an id, the variables its templates see, an optional expected answer and tags that
 * name the slices it belongs to. {@code location} is where it was defined (file:line) for error messages.
 * Immutable.
 */
public record Case(String id, Map<String, Object> vars, String expected, List<String> tags, Location location) {
    public Case {
        Objects.requireNonNull(id, "id");
        vars = Map.copyOf(vars);
        tags = List.copyOf(tags);
    }
}
