package dev.fieldtest.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML or JSON value that remembers where it came from, so every error can name
 * {@code file:line:column} and the key path ({@code targets[0].model}). Scalars hold String, Long, Double,
 * Boolean or null; maps keep their order. Immutable once parsed.
 */
public final class ConfigNode {
    private final Object value;
    private final Location location;
    private final String path;
    private Location keyLocation;

    private ConfigNode(Object value, Location location, String path) {
        this.value = value;
        this.location = location;
        this.path = path;
        this.keyLocation = location;
    }

    /** Reads the next value from {@code parser} (YAML or JSON) into a located tree. */
    public static ConfigNode read(JsonParser parser, Path file, String path) throws IOException {
        JsonToken token = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
        if (token == null) return new ConfigNode(null, new Location(file, 1, 1), path);
        Location where = at(parser.currentTokenLocation(), file);
        switch (token) {
            case START_OBJECT -> {
                Map<String, ConfigNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = at(parser.currentTokenLocation(), file);
                    parser.nextToken();
                    ConfigNode child = read(parser, file, path.isEmpty() ? key : path + "." + key);
                    child.keyLocation = keyAt;
                    ConfigNode first = fields.put(key, child);
                    // YAML forbids a key twice in one map; silently keeping one of the two would hide a typo.
                    if (first != null) throw new ConfigException(keyAt, "duplicate key \"" + key + "\" (first at line "
                            + first.keyLocation.line() + ")", "keep one \"" + key + "\" in this map and delete the other");
                }
                return new ConfigNode(Collections.unmodifiableMap(fields), where, path);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, path + "[" + items.size() + "]"));
                }
                return new ConfigNode(Collections.unmodifiableList(items), where, path);
            }
            case VALUE_STRING -> { return new ConfigNode(parser.getText(), where, path); }
            case VALUE_NUMBER_INT -> { return new ConfigNode(parser.getLongValue(), where, path); }
            case VALUE_NUMBER_FLOAT -> { return new ConfigNode(parser.getDoubleValue(), where, path); }
            case VALUE_TRUE, VALUE_FALSE -> { return new ConfigNode(parser.getBooleanValue(), where, path); }
            case VALUE_NULL -> { return new ConfigNode(null, where, path); }
            default -> throw new IOException("unexpected " + token + " at " + where);
        }
    }

    /** A node built in code (library API, tests); its location names no line. */
    public static ConfigNode of(Object plain, String path) {
        return of(plain, Location.of(null), path);
    }

    @SuppressWarnings("unchecked")
    private static ConfigNode of(Object plain, Location where, String path) {
        if (plain instanceof Map<?, ?> m) {
            Map<String, ConfigNode> fields = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> fields.put(k, of(v, where, path.isEmpty() ? k : path + "." + k)));
            return new ConfigNode(Collections.unmodifiableMap(fields), where, path);
        }
        if (plain instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>();
            for (Object v : l) items.add(of(v, where, path + "[" + items.size() + "]"));
            return new ConfigNode(Collections.unmodifiableList(items), where, path);
        }
        if (plain instanceof Integer i) return new ConfigNode(i.longValue(), where, path);
        if (plain instanceof Float f) return new ConfigNode(f.doubleValue(), where, path);
        return new ConfigNode(plain, where, path);
    }

    /**
     * This map with {@code overrides} put over its fields (the command line over the suite file: one rule for every
     * layer); the new values are located at {@code where}. A new node; this one is unchanged.
     */
    public ConfigNode overriddenBy(Map<String, Object> overrides, Location where) {
        Map<String, ConfigNode> fields = new LinkedHashMap<>(fields());
        overrides.forEach((k, v) -> fields.put(k, of(v, where, path.isEmpty() ? k : path + "." + k)));
        return new ConfigNode(Collections.unmodifiableMap(fields), isMap() ? location : where, path);
    }

    /** This map without {@code key} (a setting one layer reads before handing the rest on). A new node; this one is unchanged. */
    public ConfigNode without(String key) {
        Map<String, ConfigNode> fields = new LinkedHashMap<>(fields());
        fields.remove(key);
        ConfigNode out = new ConfigNode(Collections.unmodifiableMap(fields), location, path);
        out.keyLocation = keyLocation;
        return out;
    }

    /** The parser's position in {@code file}; just the file when the parser knows none (e.g. its nesting-depth limit). */
    static Location at(JsonLocation l, Path file) {
        return l == null ? Location.of(file) : new Location(file, l.getLineNr(), l.getColumnNr());
    }

    public Location location() { return location; }

    /** Where this value's key stands in its map (the value's own location for list items and roots). */
    public Location keyLocation() { return keyLocation; }

    /** The key path from the document root, such as {@code targets[0].params}. */
    public String path() { return path; }

    public boolean isMap() { return value instanceof Map; }

    public boolean isList() { return value instanceof List; }

    public boolean isNull() { return value == null; }

    public boolean isString() { return value instanceof String; }

    public boolean isNumber() { return value instanceof Long || value instanceof Double; }

    public boolean isBoolean() { return value instanceof Boolean; }

    /** The scalar value (String, Long, Double, Boolean or null); maps and lists are returned as nodes. */
    public Object scalar() { return value; }

    @SuppressWarnings("unchecked")
    public Map<String, ConfigNode> fields() {
        return isMap() ? (Map<String, ConfigNode>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<ConfigNode> items() {
        return isList() ? (List<ConfigNode>) value : List.of();
    }

    public Optional<ConfigNode> get(String key) {
        return Optional.ofNullable(fields().get(key)).filter(n -> !n.isNull());
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The plain Java value: Map, List, String, Long, Double, Boolean or null. */
    public Object toPlain() {
        if (isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            fields().forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
        if (isList()) return items().stream().map(ConfigNode::toPlain).toList();
        return value;
    }

    /** A short description of the value for "but was ..." messages. */
    public String describe() {
        if (isMap()) return "a map";
        if (isList()) return "a list";
        if (value == null) return "empty";
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return path + "@" + location + "=" + describe();
    }
}
