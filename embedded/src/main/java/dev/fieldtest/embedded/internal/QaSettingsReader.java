package dev.fieldtest.embedded.internal;

import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Hashing;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.embedded.EmbeddingModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link QaSettings} from a target spec and reads (but does not embed) the knowledge base, reporting
 * every problem with its location. Loads no model. Internal, not API. Not thread-safe.
 */
public final class QaSettingsReader {
    private static final Set<String> KEYS = Set.of("id", "type", "knowledge_base", "model", "threshold", "top_k",
            "temperature", "seed", "pricing");
    private static final int MAX_TOP_K = 1000;
    private static final double MAX_TEMPERATURE = 100;

    private QaSettingsReader() {}

    /** The settings, or null after adding every problem of this spec to {@code problems}. */
    public static QaSettings read(TargetSpec spec, Problems problems) {
        return problems.isolated(mine -> readInto(spec, mine));
    }

    /** Reads into {@code mine}, this spec's own problem list; the result is meaningless when it has any. */
    private static QaSettings readInto(TargetSpec spec, Problems mine) {
        ConfigReader r = new ConfigReader(spec.settings(), mine).allowKeys(KEYS);
        String kbPath = r.requiredString("knowledge_base", "add `knowledge_base: kb.jsonl`, a JSONL file of {id, question, answer, topic} relative to the suite");
        String model = model(r, mine);
        double threshold = r.number("threshold", QaSettings.DEFAULT_THRESHOLD, -1, 1);
        int topK = r.integer("top_k", QaSettings.DEFAULT_TOP_K, 1, MAX_TOP_K);
        double temperature = r.number("temperature", QaSettings.DEFAULT_TEMPERATURE, 0, MAX_TEMPERATURE);
        long seed = r.integer("seed", (int) QaSettings.DEFAULT_SEED, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Pricing pricing = r.pricing("pricing", false);
        List<KbEntry> entries = List.of();
        String sha = null;
        if (kbPath != null) {
            ConfigNode at = r.get("knowledge_base").orElseThrow();
            Path file = (spec.baseDir() == null ? Path.of("") : spec.baseDir()).resolve(kbPath).normalize();
            if (!Files.isRegularFile(file)) {
                mine.add(at.location(), at.path() + " names a file that does not exist: " + file.toAbsolutePath(),
                        "check the path; it is relative to the suite file");
            } else {
                entries = KnowledgeBaseReader.read(file, mine);
                sha = Hashing.sha256(file);
                if (entries.isEmpty() && mine.isEmpty()) {
                    mine.add(at.location(), at.path() + " names a knowledge base with no entries: " + kbPath,
                            "add one JSON object per line: {\"id\": ..., \"question\": ..., \"answer\": ...}");
                }
            }
        }
        return new QaSettings(spec.id(), kbPath, sha, entries, model, threshold, topK, temperature, seed, pricing);
    }

    private static String model(ConfigReader r, Problems problems) {
        String model = r.string("model", QaSettings.DEFAULT_MODEL);
        if (model != null && !EmbeddingModels.isKnown(model)) {
            ConfigNode n = r.get("model").orElseThrow();
            problems.add(n.location(), n.path() + " must be one of " + String.join(", ", EmbeddingModels.names()) + ", but was " + n.describe(),
                    "use one of the embedding models shipped with fieldtest");
        }
        return model;
    }
}
