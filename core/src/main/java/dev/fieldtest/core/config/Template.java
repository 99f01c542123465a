package dev.fieldtest.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders filled from a case's variables. Strings are inserted as they
 * are, other values as JSON. Whether every name exists is checked when a suite loads
 * ({@link #names()}), so rendering a validated template never fails. Immutable and thread-safe.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final Location location;
    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private Template(String source, Location location) {
        this.source = source;
        this.location = location;
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            literals.add(source.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        literals.add(source.substring(last));
    }

    public static Template of(String source, Location location) {
        return new Template(source, location);
    }

    public static Template of(String source) {
        return new Template(source, Location.of(null));
    }

    public String source() { return source; }

    public Location location() { return location; }

    /** The distinct placeholder names, in order of first use. */
    public Set<String> names() {
        return new LinkedHashSet<>(names);
    }

    public boolean isConstant() {
        return names.isEmpty();
    }

    /** Fills the placeholders; a missing name is an {@link IllegalArgumentException} naming it. */
    public String render(Map<String, ?> vars) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!vars.containsKey(name)) {
                throw new IllegalArgumentException("no variable '" + name + "' for the template at " + location);
            }
            out.append(text(vars.get(name))).append(literals.get(i + 1));
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) return "";
        if (value instanceof String s) return s;
        if (value instanceof Number || value instanceof Boolean) return String.valueOf(value);
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
