package dev.fieldtest.core.online;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.run.BoundCheck;
import dev.fieldtest.core.spi.CheckSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a suite's checks run on production spans. A production input matches no case, so a check whose
 * settings use a case variable anywhere ({@code {{expected}}}, {@code {{context}}}, …) cannot run; every other
 * check can. {@code online.checks} narrows that further. Stateless.
 */
public final class OnlineChecks {
    private OnlineChecks() {}

    /** The first case variable the check's settings use, or null when it needs no case. */
    public static String usesCase(CheckSpec spec) {
        return firstPlaceholder(spec.settings());
    }

    /**
     * The built checks that run online, in suite order; {@code specs} and {@code built} are parallel (what
     * {@code Components.resolve} built from the suite's checks).
     */
    public static List<BoundCheck> select(List<CheckSpec> specs, List<BoundCheck> built, OnlineSettings settings) {
        if (specs.size() != built.size()) throw new IllegalArgumentException("every check must have been built: " + specs.size() + " specs, " + built.size() + " checks");
        List<BoundCheck> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            CheckSpec spec = specs.get(i);
            boolean listed = settings.checks() == null ? usesCase(spec) == null : settings.checks().contains(spec.name());
            if (listed) out.add(built.get(i));
        }
        return out;
    }

    /** Names of the suite's checks that do not run online, each with why. */
    public static List<String> skipped(List<CheckSpec> specs, OnlineSettings settings) {
        List<String> out = new ArrayList<>();
        for (CheckSpec spec : specs) {
            String uses = usesCase(spec);
            if (uses != null) out.add(spec.name() + " (uses {{" + uses + "}} from a case)");
            else if (settings.checks() != null && !settings.checks().contains(spec.name())) out.add(spec.name() + " (not in online.checks)");
        }
        return out;
    }

    private static String firstPlaceholder(ConfigNode node) {
        if (node.isString()) {
            var names = Template.of((String) node.scalar()).names();
            return names.isEmpty() ? null : names.iterator().next();
        }
        List<ConfigNode> children = node.isMap() ? List.copyOf(node.fields().values()) : node.items();
        for (ConfigNode child : children) {
            String found = firstPlaceholder(child);
            if (found != null) return found;
        }
        return null;
    }
}
