package dev.fieldtest.core.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.stats.Robustness.Outcome;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code robustness} object of {@code targets.<id>} (docs/summary-json.md): per variant its pass rate,
 * flip rate against the original input and mean score change, the variant that hurts most, escalation
 * rates, confident-wrong rate, invented references and unmeasured verdicts.
 */
final class RobustnessJson {
    /** Invented references listed by name, most frequent first. */
    static final int INVENTED_LISTED = 20;

    private RobustnessJson() {}

    static ObjectNode render(Robustness r, long calls, double confidentAt) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode byVariant = out.putObject("by_variant");
        String worst = null;
        double worstFlip = -1;
        for (Map.Entry<String, TreeMap<String, Outcome>> e : r.variants().entrySet()) {
            ObjectNode v = byVariant.putObject(e.getKey());
            long n = e.getValue().size();
            long passes = e.getValue().values().stream().filter(Outcome::pass).count();
            v.put("n", n);
            v.put("pass_rate", n == 0 ? null : TargetSummaryJson.round((double) passes / n));
            TargetSummaryJson.putCi95(v, passes, n);
            long pairs = 0, flips = 0, originalPasses = 0, scored = 0;
            double change = 0;
            for (Map.Entry<String, Outcome> pair : e.getValue().entrySet()) {
                Outcome original = r.originals.get(pair.getKey());
                if (original == null) continue;
                pairs++;
                if (original.pass()) originalPasses++;
                if (original.pass() && !pair.getValue().pass()) flips++;
                if (original.score() != null && pair.getValue().score() != null) {
                    scored++;
                    change += Math.abs(original.score() - pair.getValue().score());
                }
            }
            v.put("pairs", pairs);
            v.put("flip_rate", originalPasses == 0 ? null : TargetSummaryJson.round((double) flips / originalPasses));
            v.put("flips", flips);
            v.put("mean_abs_score_change", scored == 0 ? null : TargetSummaryJson.round(change / scored));
            double flipRate = originalPasses == 0 ? -1 : (double) flips / originalPasses;
            if (flipRate > worstFlip) {
                worstFlip = flipRate;
                worst = e.getKey();
            }
        }
        if (worst == null || worstFlip < 0) out.putNull("most_harmful");
        else out.putObject("most_harmful").put("variant", worst).put("flip_rate", TargetSummaryJson.round(worstFlip));

        ObjectNode esc = out.putObject("escalation");
        esc.put("appropriate_rate", rate(r.expectEscalation[1], r.expectEscalation[0]));
        esc.put("n_expecting_escalation", r.expectEscalation[0]);
        esc.put("over_rate", rate(r.expectAnswer[1], r.expectAnswer[0]));
        esc.put("n_expecting_answer", r.expectAnswer[0]);

        long confidentWrong = r.failedConfidences.tailMap(confidentAt, true).values().stream().mapToLong(Long::longValue).sum();
        out.putObject("confident_wrong").put("rate", rate(confidentWrong, calls)).put("count", confidentWrong)
                .put("threshold", confidentAt).put("n", calls);

        ObjectNode inv = out.putObject("invented_references");
        inv.put("per_100_calls", calls == 0 ? null : TargetSummaryJson.round(100.0 * r.inventedItems / calls));
        inv.put("items_total", r.inventedItems);
        inv.put("calls_with_any", r.callsWithInvented);
        ObjectNode items = inv.putObject("items");
        r.invented.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(INVENTED_LISTED).forEach(e -> items.put(e.getKey(), e.getValue()));

        ObjectNode un = out.putObject("unmeasured");
        un.put("total", r.unmeasured.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode byCheck = un.putObject("by_check");
        r.unmeasured.forEach(byCheck::put);

        out.set("judge_agreement", agreement(r));

        ObjectNode graders = out.putObject("graders");
        graders.put("input_tokens", r.graderInputTokens).put("output_tokens", r.graderOutputTokens);
        graders.put("cost_usd", TargetSummaryJson.round(r.graderCostUsd));
        return out;
    }

    /** Per panel check: Krippendorff's interval alpha over the calls' judge scores (unmeasured ones missing). */
    private static ObjectNode agreement(Robustness r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        r.panels.forEach((check, calls) -> {
            SortedSet<String> judges = new TreeSet<>();
            calls.values().forEach(m -> judges.addAll(m.keySet()));
            List<double[]> items = calls.values().stream().map(m -> judges.stream().mapToDouble(j -> m.getOrDefault(j, Double.NaN)).toArray()).toList();
            double alpha = Agreement.krippendorffAlpha(items);
            ObjectNode a = out.putObject(check);
            a.put("krippendorff_alpha_interval", Double.isNaN(alpha) ? null : TargetSummaryJson.round(alpha));
            a.put("n_items", items.size());
            judges.forEach(a.putArray("judges")::add);
        });
        return out;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : TargetSummaryJson.round((double) part / whole);
    }
}
