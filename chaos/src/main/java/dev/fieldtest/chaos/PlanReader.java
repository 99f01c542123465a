package dev.fieldtest.chaos;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a chaos plan file (docs/chaos.md): a list of faults, or {@code {seed, faults}}. Every problem is gathered
 * with its file:line:column and a fix and thrown together as one {@link ConfigException}.
 */
public final class PlanReader {
    /** The seed when neither the file nor {@code --seed} gives one. */
    public static final long DEFAULT_SEED = 1;
    private static final YAMLFactory YAML = new YAMLFactory();

    private PlanReader() {}

    public static Plan read(Path file) {
        ConfigNode root = parse(file);
        Problems problems = new Problems();
        ConfigNode list = root;
        long seed = DEFAULT_SEED;
        if (root.isMap()) {
            ConfigReader r = new ConfigReader(root, problems).allowKeys(java.util.Set.of("seed", "faults"));
            seed = r.integer("seed", (int) DEFAULT_SEED, 0, Integer.MAX_VALUE);
            list = r.get("faults").orElse(null);
            if (list == null) problems.add(root.location(), "the plan has no faults", "add `faults:` with a list such as - {kind: latency, ms: 200, share: 0.1}");
        }
        List<Fault> faults = new ArrayList<>();
        if (list != null && !list.isList()) {
            problems.add(list.location(), "a plan must be a list of faults, but was " + list.describe(),
                    "write one fault per line, such as - {kind: status, status: 503, share: 0.2}");
        } else if (list != null) {
            if (list.items().isEmpty()) problems.add(list.location(), "the plan's list of faults is empty", "add at least one fault");
            for (ConfigNode item : list.items()) {
                Fault f = FaultReader.read(item, faults.size(), problems);
                if (f != null) faults.add(f);
            }
        }
        problems.throwIfAny();
        return new Plan(faults, seed);
    }

    private static ConfigNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the plan: " + e.getMessage(), "check the path given to --plan");
        }
        try (JsonParser p = YAML.createParser(bytes)) {
            return ConfigNode.read(p, file, "");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y) throw yamlError(y, file);
            var l = e.getLocation();
            throw new ConfigException(l == null ? Location.of(file) : new Location(file, l.getLineNr(), l.getColumnNr()),
                    "not valid YAML: " + e.getOriginalMessage(), "fix the indentation or quoting at this position");
        } catch (MarkedYAMLException e) {
            throw yamlError(e, file);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the plan: " + e.getMessage(), null);
        }
    }

    private static ConfigException yamlError(MarkedYAMLException e, Path file) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Location at = mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
        return new ConfigException(at, "not valid YAML: " + e.getProblem(), "fix the indentation, brackets or quoting at this position");
    }
}
