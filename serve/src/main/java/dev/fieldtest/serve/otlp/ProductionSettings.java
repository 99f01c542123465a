package dev.fieldtest.serve.otlp;

import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.config.Defaults;
import java.util.Map;
import java.util.Objects;

/**
 * How production spans are read: the attribute naming a span's feature ({@link Defaults#FEATURE_ATTRIBUTE} unless
 * given) and prices per model. A model is priced by the entry of the same name, else by the longest entry it starts
 * with followed by '-' (so "gpt-4o-mini" prices "gpt-4o-mini-2024-07-18"); the response model is tried before the
 * requested one.
 */
public record ProductionSettings(String featureAttribute, Map<String, Pricing> prices) {
    public ProductionSettings {
        Objects.requireNonNull(featureAttribute, "featureAttribute");
        prices = Map.copyOf(prices);
    }

    public static ProductionSettings defaults() {
        return new ProductionSettings(Defaults.FEATURE_ATTRIBUTE, Map.of());
    }

    /** Cost in USD of the tokens at the price of the first of the models that has one; null when none is priced or no tokens are known. */
    public Double cost(String responseModel, String requestModel, Long inputTokens, Long outputTokens) {
        if (inputTokens == null && outputTokens == null) return null;
        Pricing p = price(responseModel);
        if (p == null) p = price(requestModel);
        if (p == null) return null;
        return p.costUsd(new Usage(inputTokens == null ? 0 : inputTokens, outputTokens == null ? 0 : outputTokens));
    }

    private Pricing price(String model) {
        if (model == null) return null;
        Pricing exact = prices.get(model);
        if (exact != null) return exact;
        String best = null;
        for (String name : prices.keySet()) {
            if (model.startsWith(name + "-") && (best == null || name.length() > best.length())) best = name;
        }
        return best == null ? null : prices.get(best);
    }
}
