package dev.fieldtest.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a claims file for {@code fieldtest claim import}: a YAML or JSON list of maps with the fields of
 * {@code fieldtest claim add} (docs/ledger.md). Either every claim is valid and all are returned, or a
 * {@link ConfigException} lists every problem at {@code file:line:column}; nothing is ever half-read.
 */
public final class ClaimFile {
    static final Set<String> KEYS = Set.of("vendor", "model", "metric", "value", "source", "date", "feature", "version");
    /** Dot-separated non-empty segments without spaces, as target_metrics' paths are. */
    public static final Pattern METRIC = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private ClaimFile() {}

    public static List<Claim> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(file), "claims file not found", "check the path");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the claims file: " + e.getMessage(), "check the file's permissions");
        }
        ConfigNode root;
        try (JsonParser p = new YAMLFactory().createParser(bytes)) {
            root = ConfigNode.read(p, file, "");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.of(file) : new Location(file, l.getLineNr(), l.getColumnNr());
            throw new ConfigException(at, "not valid YAML or JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "fix the indentation, brackets or quoting at this position");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the claims file: " + e.getMessage(), null);
        }
        if (!root.isList()) {
            throw new ConfigException(root.location(), "a claims file must be a list of claims, but was " + root.describe(),
                    "write a list: - {vendor: acme, model: m1, metric: pass_rate.value, value: 0.91, source: https://…, date: 2026-01-05}");
        }
        Problems problems = new Problems();
        List<Claim> out = new ArrayList<>();
        for (ConfigNode item : root.items()) {
            Claim c = claim(item, problems);
            if (c != null) out.add(c);
        }
        problems.throwIfAny();
        return out;
    }

    private static Claim claim(ConfigNode item, Problems problems) {
        if (!item.isMap()) {
            problems.add(item.location(), item.path() + " must be a map of claim fields, but was " + item.describe(),
                    "give vendor, model, metric, value, source and date");
            return null;
        }
        int before = problems.list().size();
        item.fields().forEach((k, v) -> {
            if (!KEYS.contains(k)) problems.add(v.keyLocation(), item.path() + " has an unknown key \"" + k + "\"", "use only " + String.join(", ", KEYS.stream().sorted().toList()));
        });
        String vendor = text(item, "vendor", true, problems);
        String model = text(item, "model", true, problems);
        String metric = text(item, "metric", true, problems);
        String source = text(item, "source", true, problems);
        String feature = text(item, "feature", false, problems);
        String version = text(item, "version", false, problems);
        if (metric != null && !METRIC.matcher(metric).matches()) {
            problems.add(item.get("metric").orElseThrow().location(), item.path() + ".metric must be a dotted metric path such as pass_rate.value, but was \"" + metric + "\"",
                    "use a path as fieldtest history records it (docs/history.md, target_metrics)");
        }
        Double value = null;
        ConfigNode v = item.get("value").orElse(null);
        if (v == null) problems.add(item.location(), item.path() + " has no value", "add value: the number the vendor claimed, e.g. 0.91");
        else if (!v.isNumber() || !Double.isFinite(((Number) v.scalar()).doubleValue())) problems.add(v.location(), item.path() + ".value must be a number, but was " + v.describe(), "write the number without units or %, e.g. 0.91");
        else value = ((Number) v.scalar()).doubleValue();
        LocalDate date = null;
        String d = text(item, "date", true, problems);
        if (d != null) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(item.get("date").orElseThrow().location(), item.path() + ".date must be a date YYYY-MM-DD, but was \"" + d + "\"", "write for example 2026-01-05");
            }
        }
        if (problems.list().size() > before) return null;
        return Claim.of(feature, vendor, model, version, metric, value, source, date);
    }

    /** A text field; YAML reads an unquoted 2026-01-05 as text, which is what a date wants. */
    private static String text(ConfigNode item, String key, boolean required, Problems problems) {
        ConfigNode n = item.get(key).orElse(null);
        if (n == null || n.isNull()) {
            if (required) problems.add(item.location(), item.path() + " has no " + key, "add " + key + ": …");
            return null;
        }
        if (n.isMap() || n.isList() || n.scalar().toString().isBlank()) {
            problems.add(n.location(), item.path() + "." + key + " must be a non-empty text, but was " + n.describe(), null);
            return null;
        }
        return n.scalar().toString();
    }
}
