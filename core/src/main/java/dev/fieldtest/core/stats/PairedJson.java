package dev.fieldtest.core.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link PairedComparison}s: the {@code paired} section of summary.json and each comparison of
 * {@code fieldtest compare --json}. Field names are a contract (docs/summary-json.md); non-integer numbers
 * are rounded like the rest of summary.json ({@link TargetSummaryJson#round}). Stateless.
 */
public final class PairedJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PairedJson() {}

    /**
     * The {@code paired} section: {@code <a>_vs_<b>} for every two targets, a before b in {@code targetIds}'
     * order; null when there are fewer than two targets. Calls without a case id are left out.
     *
     * @param rows the run's results.jsonl rows
     */
    public static ObjectNode section(List<String> targetIds, List<ScoredCall> rows) {
        if (targetIds.size() < 2) return null;
        Map<String, List<PairedCall>> byTarget = new LinkedHashMap<>();
        targetIds.forEach(id -> byTarget.put(id, new ArrayList<>()));
        for (ScoredCall row : rows) {
            List<PairedCall> calls = byTarget.get(row.observation().targetId());
            if (calls != null && row.observation().caseId() != null) calls.add(PairedCall.of(row));
        }
        ObjectNode out = JSON.objectNode();
        for (int i = 0; i < targetIds.size(); i++) {
            for (int j = i + 1; j < targetIds.size(); j++) {
                String a = targetIds.get(i), b = targetIds.get(j);
                out.set(a + "_vs_" + b, render(a, b, PairedComparison.of(byTarget.get(a), byTarget.get(b))));
            }
        }
        return out;
    }

    /** One comparison: target_a, target_b, n, cases, rates, difference, ci95, discordant counts, p, verdict, N. */
    public static ObjectNode render(String targetA, String targetB, PairedComparison c) {
        ObjectNode o = JSON.objectNode();
        o.put("target_a", targetA);
        o.put("target_b", targetB);
        o.put("n", c.n());
        o.put("cases", c.cases());
        o.put("pass_rate_a", round(c.passRateA()));
        o.put("pass_rate_b", round(c.passRateB()));
        o.put("difference", round(c.difference()));
        if (c.ciLo() == null) o.putNull("ci95");
        else o.putArray("ci95").add(round(c.ciLo())).add(round(c.ciHi()));
        o.put("a_only", c.aOnly());
        o.put("b_only", c.bOnly());
        o.put("mcnemar_p", round(c.mcnemarP()));
        // two targets are named in the verdict; the same target in two runs (fieldtest compare) reads as A and B
        o.put("verdict", targetA.equals(targetB) ? c.verdict() : c.verdict(targetA, targetB));
        o.put("detectable_n_5pts", c.detectableN());
        return o;
    }

    private static Double round(Double x) {
        return x == null ? null : TargetSummaryJson.round(x);
    }
}
