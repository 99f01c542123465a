package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.gate.PropertyGate;
import dev.fieldtest.core.gate.PropertyResult;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ReviewItem;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The review calendar as text for a terminal, and as JSON. */
final class ReviewText {
    private ReviewText() {}

    static String of(LedgerFeature f, List<ReviewItem> items, LocalDate today) {
        StringBuilder b = new StringBuilder();
        b.append(f.name()).append("  launched ").append(f.launchedOn()).append(f.owner() == null ? "" : "  owner " + f.owner())
                .append(f.suiteName() == null ? "" : "  suite " + f.suiteName()).append("  (on ").append(today).append(")\n");
        if (f.suiteFile() == null) return b.append("  no suite recorded, so no properties to review: fieldtest feature add ").append(f.name())
                .append(" --launched ").append(f.launchedOn()).append(" --suite FILE\n\n").toString();
        if (items.isEmpty()) return b.append("  the suite has no properties (docs/ci.md)\n\n").toString();
        String current = null;
        for (int i = 0; i < items.size(); i++) {
            ReviewItem it = items.get(i);
            Property p = it.property();
            if (!p.name().equals(current)) {
                current = p.name();
                b.append("  ").append(p.name()).append("  ").append(p.metric()).append(bounds(p)).append("  owner ").append(p.owner()).append('\n');
            }
            b.append("    ").append(String.format("%-10s due %s  %s", it.review(), it.dueOn(), it.status().wire().toUpperCase(java.util.Locale.ROOT)))
                    .append(it.signoff() == null ? "" : " by " + it.signoff().signedBy() + (it.signoff().note() == null ? "" : ": " + it.signoff().note())).append('\n');
            boolean lastOfProperty = i == items.size() - 1 || !items.get(i + 1).property().name().equals(current);
            if (lastOfProperty) {
                b.append("    offline    ").append(it.offlineRun() == null ? "no recorded run of suite " + f.suiteName() : "run " + it.offlineRun() + ": " + results(it.offline(), false)).append('\n');
                b.append("    production ").append(it.production() == null ? "no production data" : "last 7 days: " + results(it.production(), true)).append('\n');
            }
        }
        return b.append('\n').toString();
    }

    private static String bounds(Property p) {
        return (p.min() == null ? "" : " ≥ " + PropertyResult.format(p.min())) + (p.max() == null ? "" : " ≤ " + PropertyResult.format(p.max()));
    }

    private static String results(List<PropertyResult> rs, boolean production) {
        return rs.stream().map(r -> (r.target() == null ? "" : r.target() + " ") + r.status().wire()
                + (r.value() == null ? "" : " " + PropertyResult.format(r.value())) + (r.reason() == null ? "" : " (" + reason(r, production) + ")"))
                .collect(Collectors.joining("; "));
    }

    /** The gate's reason speaks of "this run"; in production a null pass rate means no span of the model was scored online. */
    private static String reason(PropertyResult r, boolean production) {
        if (production && r.status() == PropertyResult.Status.MISSING && r.metric().endsWith("pass_rate.value") && r.reason().contains(" is null")) {
            return "no span of " + r.target() + " was scored online in these 7 days: fieldtest score-production scores them";
        }
        return r.reason();
    }

    static void json(ArrayNode all, List<ReviewItem> items) {
        for (ReviewItem it : items) {
            ObjectNode o = all.addObject().put("feature", it.feature()).put("property", it.property().name()).put("metric", it.property().metric())
                    .put("owner", it.property().owner()).put("review", it.review()).put("due_on", it.dueOn().toString()).put("status", it.status().wire());
            if (it.signoff() == null) o.putNull("signed");
            else o.putObject("signed").put("by", it.signoff().signedBy()).put("at", it.signoff().signedAt().toString()).put("note", it.signoff().note());
            o.put("offline_run", it.offlineRun());
            o.set("offline", PropertyGate.toJson(it.offline()));
            if (it.production() == null) o.putNull("production");
            else o.set("production", PropertyGate.toJson(it.production()));
        }
    }
}
