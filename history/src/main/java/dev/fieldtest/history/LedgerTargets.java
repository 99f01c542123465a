package dev.fieldtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which vendor's model an offline target ran (docs/ledger.md, "Which target is which model"), read from the target's
 * settings in summary.json's {@code provenance.targets.<id>}. The model is the {@code model} setting. The vendor is an
 * explicit {@code vendor} setting when there is one; else {@code anthropic} for the anthropic target type,
 * {@code local} for the in-process types (llama-cpp, embedded-qa) and a base_url on a loopback or private address;
 * else the base_url host's second-level label (api.openai.com → openai, api.mistral.ai → mistral), except
 * {@code google} for googleapis.com hosts and {@code azure} for *.azure.com. Stateless.
 */
public final class LedgerTargets {
    private LedgerTargets() {}

    /** The target's (vendor, model), or empty when its settings name no model. */
    public static Optional<LedgerModel> of(JsonNode settings) {
        String model = settings.path("model").asText("");
        if (model.isBlank()) return Optional.empty();
        return Optional.of(new LedgerModel(vendor(settings), model));
    }

    static String vendor(JsonNode settings) {
        String explicit = settings.path("vendor").asText("");
        if (!explicit.isBlank()) return explicit;
        String type = settings.path("type").asText("");
        if (type.equals("anthropic")) return "anthropic";
        if (type.equals("llama-cpp") || type.equals("embedded-qa")) return "local";
        return vendorOfUrl(settings.path("base_url").asText(""));
    }

    /** The vendor a base URL points at, by the rule above; {@code unknown} when it has no host. */
    public static String vendorOfUrl(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isBlank()) return "unknown";
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.startsWith("127.") || host.startsWith("10.") || host.startsWith("192.168.")
                || host.startsWith("[") || host.matches("\\d+(\\.\\d+){3}")) return "local";
        if (host.endsWith("googleapis.com")) return "google";
        if (host.endsWith(".azure.com")) return "azure";
        String[] labels = host.split("\\.");
        return labels.length >= 2 ? labels[labels.length - 2] : labels[0];
    }
}
