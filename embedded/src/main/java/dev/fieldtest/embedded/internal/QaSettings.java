package dev.fieldtest.embedded.internal;

import dev.fieldtest.core.Pricing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated settings of one {@code type: embedded-qa} target (docs/embedded.md lists every key and
 * default). Internal, not API. Immutable.
 *
 * @param knowledgeBase       the path as the suite wrote it (provenance stays portable across machines)
 * @param knowledgeBaseSha256 SHA-256 of the file's bytes
 * @param threshold           cosine in [−1, 1]; a best match below it makes the target abstain
 * @param topK                candidates considered when sampling (at least 1)
 * @param temperature         0 for always the best match; above 0, softmax(similarity / temperature) sampling
 * @param seed                mixed with the case id and repeat index to seed each call's sampling
 */
public record QaSettings(String id, String knowledgeBase, String knowledgeBaseSha256, List<KbEntry> entries, String model,
                         double threshold, int topK, double temperature, long seed, Pricing pricing) {

    public static final String TYPE = "embedded-qa";
    public static final String DEFAULT_MODEL = "all-minilm-l6-v2";
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_TOP_K = 1;
    public static final double DEFAULT_TEMPERATURE = 0;
    public static final long DEFAULT_SEED = 0;

    public QaSettings {
        entries = List.copyOf(entries);
    }

    /** Settings for provenance; the embedding model is under "model", where core compares it with graders. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>(); // ordered, so provenance reads (and hashes) the same every run
        out.put("id", id);
        out.put("type", TYPE);
        out.put("model", model);
        out.put("knowledge_base", knowledgeBase);
        out.put("knowledge_base_sha256", knowledgeBaseSha256);
        out.put("kb_entries", entries.size());
        out.put("threshold", threshold);
        out.put("top_k", topK);
        out.put("temperature", temperature);
        out.put("seed", seed);
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("input_per_mtok", pricing.inputPerMtok());
        prices.put("output_per_mtok", pricing.outputPerMtok());
        prices.put("per_call", pricing.perCall());
        prices.put("per_second", pricing.perSecond());
        out.put("pricing", prices);
        return out;
    }
}
