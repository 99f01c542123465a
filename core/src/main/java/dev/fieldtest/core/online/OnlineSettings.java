package dev.fieldtest.core.online;

import dev.fieldtest.core.config.Defaults;
import java.util.List;
import java.util.Map;

/**
 * A suite's {@code online:} section (docs/suite.md, docs/online-scoring.md): the share of each feature's spans
 * to score, the most one invocation may spend on graders, and which of the suite's checks run online. Immutable.
 *
 * @param rate         the sampled share of spans of a feature not named in {@code featureRates}, in [0, 1]
 * @param featureRates sampled share per feature, in [0, 1]
 * @param budgetUsd    the most one invocation spends on model-graded checks (judges), in USD
 * @param checks       names of the suite's checks that run online; null means every check that uses no case variable
 */
public record OnlineSettings(double rate, Map<String, Double> featureRates, double budgetUsd, List<String> checks) {
    /** The section's values when a suite has no {@code online:}. */
    public static final OnlineSettings DEFAULT = new OnlineSettings(Defaults.ONLINE_RATE, Map.of(), Defaults.ONLINE_BUDGET_USD, null);

    public OnlineSettings {
        featureRates = Map.copyOf(featureRates);
        checks = checks == null ? null : List.copyOf(checks);
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("rate must be in [0, 1], but was " + rate);
        if (!(budgetUsd >= 0)) throw new IllegalArgumentException("budget must be >= 0, but was " + budgetUsd);
    }

    /** The sampled share for {@code feature}. */
    public double rateFor(String feature) {
        return featureRates.getOrDefault(feature, rate);
    }
}
