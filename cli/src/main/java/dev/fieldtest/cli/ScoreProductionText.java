package dev.fieldtest.cli;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.online.OnlineScoring;
import dev.fieldtest.core.run.BoundCheck;
import dev.fieldtest.core.stats.WilsonInterval;
import dev.fieldtest.history.ProductionScoresCandidate;
import dev.fieldtest.history.ProductionScoresWindow;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What score-production prints. Feature and model names come from spans: control characters are shown as '?'. */
final class ScoreProductionText {
    private ScoreProductionText() {}

    static String plan(Suite suite, List<ProductionScoresCandidate> unscored, List<ProductionScoresCandidate> sampled, List<BoundCheck> checks,
                       List<String> skipped) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "fieldtest score-production %s: %d unscored spans, %d sampled; budget %s%n", safe(suite.name()),
                unscored.size(), sampled.size(), ScoreProductionRun.usd(suite.online().budgetUsd())));
        Map<String, Long> all = unscored.stream().collect(Collectors.groupingBy(ProductionScoresCandidate::feature, java.util.TreeMap::new, Collectors.counting()));
        Map<String, Long> picked = sampled.stream().collect(Collectors.groupingBy(ProductionScoresCandidate::feature, Collectors.counting()));
        all.forEach((f, n) -> b.append(String.format(Locale.ROOT, "  %s: %d of %d at rate %s%n", safe(f), picked.getOrDefault(f, 0L), n,
                fmt(suite.online().rateFor(f)))));
        b.append("  checks run online: ").append(checks.isEmpty() ? "none (a span passes when it has no error)"
                : checks.stream().map(c -> c.check().name()).collect(Collectors.joining(", ")));
        if (!skipped.isEmpty()) b.append("\n  not run online: ").append(String.join(", ", skipped));
        return b.toString();
    }

    static String outcome(OnlineScoring.Outcome o, int errors, Map<String, Integer> skipReasons, double budget, int left) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scored %d spans (%d with an error), grader cost %s.%n", o.scored(), errors, ScoreProductionRun.usd(o.spentUsd())));
        skipReasons.forEach((why, n) -> b.append(String.format(Locale.ROOT, "Skipped %d spans: %s.%n", n, why)));
        if (o.budgetStopped()) {
            b.append(String.format(Locale.ROOT, "Stopped at the budget of %s: the next span could pass it; %d sampled spans are left for the next invocation.%n",
                    ScoreProductionRun.usd(budget), left));
        }
        return b.toString();
    }

    static String table(List<ProductionScoresWindow> windows) {
        if (windows.isEmpty()) return "No scores stored for these spans yet.\n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %-20s %-10s %6s %7s %-15s %-12s %s%n",
                "feature", "model", "window", "n", "pass", "95% CI", "grader cost", "failing checks"));
        for (ProductionScoresWindow w : windows) {
            WilsonInterval ci = w.interval();
            String failing = w.failingChecks().entrySet().stream().map(e -> safe(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            b.append(String.format(Locale.ROOT, "%-16s %-20s %-10s %6d %6.1f%% %-15s %-12s %s%n", safe(w.feature()), safe(w.model()),
                    w.start().toString().substring(0, 10), w.n(), 100 * w.passRate(),
                    String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * ci.lo(), 100 * ci.hi()), ScoreProductionRun.usd(w.graderCostUsd()),
                    failing.isEmpty() ? "-" : failing));
        }
        return b.toString();
    }

    /** Span-supplied text without control characters (a terminal must not be steered by a trace). */
    static String safe(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    }

    private static String fmt(double rate) {
        return String.format(Locale.ROOT, "%.4f", rate).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
