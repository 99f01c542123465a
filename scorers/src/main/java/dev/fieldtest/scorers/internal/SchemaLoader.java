package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Location;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the JSON Schema a {@code json-schema} check names: inline under {@code schema}, or in the JSON or
 * YAML file {@code schema_file} (relative to the suite's folder). Reads it with locations, so
 * {@link SchemaCompiler} can point at the line of a bad keyword. Internal, not API.
 */
final class SchemaLoader {
    /** A schema's located tree and the URI its relative {@code $ref}s resolve against. */
    record Source(ConfigNode root, URI base) {}

    private SchemaLoader() {}

    /** The schema's source, or null after reporting a problem. */
    static Source load(Settings s) {
        ConfigReader reader = s.reader();
        ConfigNode inline = reader.get("schema").orElse(null);
        ConfigNode file = reader.get("schema_file").orElse(null);
        if (inline != null && file != null) {
            s.problem(file, "give the schema inline in schema or in schema_file, not both", "remove one of them");
            return null;
        }
        if (inline == null && file == null) {
            if (s.node().isMap()) {
                s.problem(s.node(), s.node().path() + " needs 'schema' or 'schema_file'",
                        "add schema: with a JSON Schema, or schema_file: with the path to one");
            }
            return null;
        }
        if (inline != null) {
            if (!inline.isMap()) {
                s.problem(inline, inline.path() + " must be a map (a JSON Schema), but was " + inline.describe(),
                        "write the schema under schema:, or put it in a file and use schema_file:");
                return null;
            }
            Path suite = inline.location().file();
            // Relative $refs in an inline schema resolve against the suite file, as a person would expect.
            Path base = suite != null ? suite.toAbsolutePath() : s.baseDir().resolve("suite.yaml").toAbsolutePath();
            return new Source(inline, base.toUri());
        }
        return readFile(s, file);
    }

    private static Source readFile(Settings s, ConfigNode file) {
        if (!file.isString() || ((String) file.scalar()).isBlank()) {
            s.problem(file, file.path() + " must be the path of a JSON or YAML file, but was " + file.describe(), null);
            return null;
        }
        Path path = s.baseDir().resolve((String) file.scalar()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            s.problem(file, "schema_file " + file.describe() + " not found (looked for " + path + ")",
                    "paths are relative to the suite's folder");
            return null;
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        JsonFactory format = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLFactory() : new JsonFactory();
        try (JsonParser parser = format.createParser(path.toFile())) {
            ConfigNode root = ConfigNode.read(parser, path, "");
            if (!root.isMap()) {
                s.problem(file, "schema_file " + file.describe() + " must hold a map (a JSON Schema), but holds " + root.describe(), null);
                return null;
            }
            return new Source(root, path.toUri());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            Location at = where == null ? Location.of(path) : new Location(path, where.getLineNr(), where.getColumnNr());
            s.problem(at, "schema_file is not valid " + (format instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + Quote.shorten(e.getOriginalMessage(), 120), null);
        } catch (IOException e) {
            s.problem(file, "cannot read schema_file " + path + ": " + e.getMessage(), null);
        }
        return null;
    }
}
