package dev.fieldtest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fieldtest.core.Pricing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code --pricing FILE} (YAML or JSON): model name → {@code {input_per_mtok, output_per_mtok}} in USD per
 * million tokens (docs/production.md). Problems are {@link IngestProblem}s naming the file and the model.
 */
final class IngestPricing {
    private IngestPricing() {}

    static Map<String, Pricing> read(Path file) {
        if (file == null) return Map.of();
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new IngestProblem(file + ":" + (l == null ? 1 : l.getLineNr()) + ":" + (l == null ? 1 : l.getColumnNr()) + ": the pricing file is not YAML or JSON ("
                    + e.getOriginalMessage() + "). Fix: write one entry per model, e.g. gpt-4o: {input_per_mtok: 2.5, output_per_mtok: 10}");
        } catch (IOException e) {
            throw new IngestProblem(file + ": cannot read the pricing file (" + e.getMessage() + "). Fix: pass an existing --pricing FILE");
        }
        if (root == null || !root.isObject()) {
            throw new IngestProblem(file + ":1:1: the pricing file must map model names to prices. Fix: gpt-4o: {input_per_mtok: 2.5, output_per_mtok: 10}");
        }
        Map<String, Pricing> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            double in = price(file, e.getKey(), p, "input_per_mtok"), outPrice = price(file, e.getKey(), p, "output_per_mtok");
            out.put(e.getKey(), new Pricing(in, outPrice));
        });
        return out;
    }

    private static double price(Path file, String model, JsonNode p, String key) {
        JsonNode v = p.get(key);
        if (v == null || !v.isNumber() || v.asDouble() < 0) {
            throw new IngestProblem(file + ": model \"" + model + "\" needs " + key + " as a number >= 0 (USD per million tokens), but has "
                    + (v == null ? "none" : v.toString()) + ". Fix: " + model + ": {input_per_mtok: 2.5, output_per_mtok: 10}");
        }
        return v.asDouble();
    }
}
