package dev.fieldtest.core.config;

import dev.fieldtest.core.run.Budget;
import java.util.Set;

/**
 * Reads {@code budget: {max_usd, max_calls}} (docs/suite.md). Each limit is optional; a zero, negative or
 * non-numeric limit is a problem at its value's file:line:column, since it would stop a run before its first call.
 */
final class BudgetReader {
    private BudgetReader() {}

    static Budget read(ConfigNode node, Problems problems) {
        if (node == null) return Budget.NONE;
        ConfigReader r = new ConfigReader(node, problems).allowKeys(Set.of("max_usd", "max_calls"));
        if (!node.isMap()) return Budget.NONE;
        if (node.fields().isEmpty()) {
            problems.add(node.location(), "budget is empty", "give `max_usd: 5.00`, `max_calls: 1000`, or both; or remove `budget:`");
        }
        Double usd = r.get("max_usd").map(n -> usd(n, problems)).orElse(Defaults.BUDGET_MAX_USD);
        Integer calls = r.get("max_calls").map(n -> calls(n, problems)).orElse(Defaults.BUDGET_MAX_CALLS);
        return new Budget(usd, calls);
    }

    private static Double usd(ConfigNode n, Problems problems) {
        double v = n.isNumber() ? ((Number) n.scalar()).doubleValue() : Double.NaN;
        if (v > 0 && Double.isFinite(v)) return v;
        problems.add(n.location(), n.path() + " must be a number of USD above 0, but was " + n.describe(), "such as `max_usd: 2.50`; remove it for no cost limit");
        return null;
    }

    private static Integer calls(ConfigNode n, Problems problems) {
        if (n.scalar() instanceof Long l && l >= 1 && l <= Defaults.BUDGET_MAX_CALLS_LIMIT) return l.intValue();
        problems.add(n.location(), n.path() + " must be a whole number from 1 to " + Defaults.BUDGET_MAX_CALLS_LIMIT + ", but was " + n.describe(),
                "such as `max_calls: 500`; remove it for no call limit");
        return null;
    }
}
