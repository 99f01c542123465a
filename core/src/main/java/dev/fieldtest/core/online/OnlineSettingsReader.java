package dev.fieldtest.core.online;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Spelling;
import dev.fieldtest.core.spi.CheckSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates {@code online:}: {@code rate}, {@code features} (feature name → rate), {@code budget_usd}
 * and {@code checks} (names of the suite's checks). Every problem is added at its value's file:line:column.
 */
public final class OnlineSettingsReader {
    private static final Set<String> KEYS = Set.of("rate", "features", "budget_usd", "checks");

    private OnlineSettingsReader() {}

    /** The section, or {@link OnlineSettings#DEFAULT} when {@code node} is null; problems go to {@code problems}. */
    public static OnlineSettings read(ConfigNode node, List<CheckSpec> suiteChecks, Problems problems) {
        if (node == null) return OnlineSettings.DEFAULT;
        if (!node.isMap()) {
            problems.add(node.location(), "online must be a map, but was " + node.describe(), "write `online: {rate: 0.05, budget_usd: 2}` (see docs/online-scoring.md)");
            return OnlineSettings.DEFAULT;
        }
        ConfigReader r = new ConfigReader(node, problems).allowKeys(KEYS);
        double rate = r.number("rate", Defaults.ONLINE_RATE, 0, 1);
        double budget = r.number("budget_usd", Defaults.ONLINE_BUDGET_USD, 0, Double.MAX_VALUE);
        Map<String, Double> features = new LinkedHashMap<>();
        r.get("features").ifPresent(f -> {
            if (!f.isMap()) {
                problems.add(f.location(), f.path() + " must be a map of feature name to rate, but was " + f.describe(), "write `features: {checkout: 0.2}`");
                return;
            }
            ConfigReader fr = new ConfigReader(f, problems);
            f.fields().keySet().forEach(name -> features.put(name, fr.number(name, rate, 0, 1)));
        });
        List<String> checks = r.has("checks") ? checks(r.get("checks").orElseThrow(), suiteChecks, problems) : null;
        return new OnlineSettings(rate, features, budget, checks);
    }

    private static List<String> checks(ConfigNode list, List<CheckSpec> suiteChecks, Problems problems) {
        List<String> names = suiteChecks.stream().map(CheckSpec::name).toList();
        if (!list.isList()) {
            problems.add(list.location(), list.path() + " must be a list of check names, but was " + list.describe(), "write `checks: [" + String.join(", ", names) + "]`");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            String name = item.isString() ? (String) item.scalar() : null;
            if (name == null) {
                problems.add(item.location(), item.path() + " must be a check name, but was " + item.describe(), null);
                continue;
            }
            CheckSpec spec = suiteChecks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (spec == null) {
                String near = Spelling.closest(name, names);
                problems.add(item.location(), item.path() + " names \"" + name + "\", which is not a check of this suite",
                        near != null ? "did you mean \"" + near + "\"?" : "the suite's checks are: " + String.join(", ", names));
            } else if (OnlineChecks.usesCase(spec) != null) {
                problems.add(item.location(), "check \"" + name + "\" uses {{" + OnlineChecks.usesCase(spec) + "}} from a case, which a production span has none of",
                        "remove it from online.checks, or give it a text without {{...}} (docs/online-scoring.md, \"Which checks run\")");
            } else {
                out.add(name);
            }
        }
        return out;
    }
}
