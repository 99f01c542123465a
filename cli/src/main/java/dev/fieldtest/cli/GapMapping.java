package dev.fieldtest.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.history.LedgerModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fieldtest gap --mapping FILE}: which offline target is which vendor's model, when the rule cannot tell
 * (docs/ledger.md). The file is {@code ledger: {targets: {<target id>: {vendor: V, model: M}}}}; every problem is
 * reported at file:line:column.
 */
final class GapMapping {
    private GapMapping() {}

    static Map<String, LedgerModel> read(Path file) {
        ConfigNode root;
        try (JsonParser p = new YAMLFactory().createParser(Files.readAllBytes(file))) {
            root = ConfigNode.read(p, file, "");
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(file), "mapping file not found", "check the path");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ConfigException(l == null ? Location.of(file) : new Location(file, l.getLineNr(), l.getColumnNr()),
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), "fix the indentation or quoting at this position");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the mapping file: " + e.getMessage(), null);
        }
        String example = "write ledger: {targets: {prod-proxy: {vendor: openai, model: gpt-4o}}}";
        ConfigNode targets = root.isMap() ? root.get("ledger").filter(ConfigNode::isMap).flatMap(l -> l.get("targets")).orElse(null) : null;
        if (targets == null || !targets.isMap()) {
            throw new ConfigException(root.location(), "a mapping file must hold ledger.targets, a map of target ids", example);
        }
        Problems problems = new Problems();
        Map<String, LedgerModel> out = new LinkedHashMap<>();
        targets.fields().forEach((id, n) -> {
            String vendor = text(n, "vendor", problems), model = text(n, "model", problems);
            if (n.isMap()) n.fields().forEach((k, v) -> {
                if (!k.equals("vendor") && !k.equals("model")) problems.add(v.keyLocation(), n.path() + " has an unknown key \"" + k + "\"", "give only vendor and model");
            });
            if (vendor != null && model != null) out.put(id, new LedgerModel(vendor, model));
        });
        problems.throwIfAny();
        return out;
    }

    private static String text(ConfigNode n, String key, Problems problems) {
        ConfigNode v = n.isMap() ? n.get(key).orElse(null) : null;
        if (v == null || !v.isString() || ((String) v.scalar()).isBlank()) {
            problems.add(v == null ? n.location() : v.location(), n.path() + "." + key + " must be a non-empty text" + (v == null ? "" : ", but was " + v.describe()),
                    "write for example " + n.path() + ": {vendor: openai, model: gpt-4o}");
            return null;
        }
        return (String) v.scalar();
    }
}
