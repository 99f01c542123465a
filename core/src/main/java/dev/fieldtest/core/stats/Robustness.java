package dev.fieldtest.core.stats;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The robustness part of a target's aggregate, mergeable like the rest: outcomes of original and varied
 * inputs keyed by (case, repeat) for flip rates, escalation counts by what the case expected, confident-wrong
 * calls, invented references, unmeasured verdicts and what graders (judges) cost. Keys are unique per call,
 * so merging is a union. Not thread-safe.
 */
public final class Robustness {
    /** Default stated confidence at or above which a failed call counts as confidently wrong. */
    public static final double CONFIDENT = dev.fieldtest.core.config.Defaults.CONFIDENT_WRONG_AT;
    private static final Set<String> ESCALATIONS = Set.of("behaviour:abstain", "behaviour:clarify", "behaviour:refuse");

    /** Pass and score of one call; score null when no verdict was measured. */
    record Outcome(boolean pass, Double score) {}

    final TreeMap<String, Outcome> originals = new TreeMap<>();
    final TreeMap<String, TreeMap<String, Outcome>> variants = new TreeMap<>();
    final long[] expectEscalation = new long[2];   // calls whose case expects abstain/clarify/refuse; of them escalated
    final long[] expectAnswer = new long[2];       // calls whose case expects an answer; of them escalated
    /** Stated confidences of failed calls and how often each occurred, so any threshold can be applied. */
    final TreeMap<Double, Long> failedConfidences = new TreeMap<>();
    long inventedItems;
    long callsWithInvented;
    final TreeMap<String, Long> invented = new TreeMap<>();
    final TreeMap<String, Long> unmeasured = new TreeMap<>();
    /** Per panel check, per call, each judge's 0..1 score (NaN when unmeasured), for inter-judge agreement. */
    final TreeMap<String, TreeMap<String, TreeMap<String, Double>>> panels = new TreeMap<>();
    long graderInputTokens;
    long graderOutputTokens;
    BigDecimal graderCostUsd = BigDecimal.ZERO;

    void add(ScoredCall call, boolean pass) {
        String key = baseCase(call) + "\u0000" + call.observation().repeatIndex();
        Outcome outcome = new Outcome(pass, call.score());
        if (call.variant() == null) originals.put(key, outcome);
        else variants.computeIfAbsent(call.variant(), v -> new TreeMap<>()).put(key, outcome);
        boolean escalated = call.verdicts().stream().flatMap(v -> v.findings().stream()).anyMatch(ESCALATIONS::contains);
        if (call.expect() != null) {
            long[] bucket = call.expect().equals("answer") ? expectAnswer : expectEscalation;
            bucket[0]++;
            if (escalated) bucket[1]++;
        }
        if (!pass && call.confidence() != null) failedConfidences.merge(call.confidence(), 1L, Long::sum);
        long items = 0;
        for (Verdict v : call.verdicts()) {
            for (String f : v.findings()) {
                if (f.startsWith("invented:")) {
                    invented.merge(f.substring("invented:".length()), 1L, Long::sum);
                    items++;
                }
            }
            if (!v.measured()) unmeasured.merge(v.check(), 1L, Long::sum);
            panelRatings(v, key);
            if (v.usage() != null) {
                graderInputTokens += v.usage().inputTokens();
                graderOutputTokens += v.usage().outputTokens();
            }
            graderCostUsd = graderCostUsd.add(new BigDecimal(v.costUsd()));
        }
        inventedItems += items;
        if (items > 0) callsWithInvented++;
    }

    void merge(Robustness o) {
        originals.putAll(o.originals);
        o.variants.forEach((v, m) -> variants.computeIfAbsent(v, x -> new TreeMap<>()).putAll(m));
        for (int i = 0; i < 2; i++) {
            expectEscalation[i] += o.expectEscalation[i];
            expectAnswer[i] += o.expectAnswer[i];
        }
        o.failedConfidences.forEach((c, n) -> failedConfidences.merge(c, n, Long::sum));
        inventedItems += o.inventedItems;
        callsWithInvented += o.callsWithInvented;
        o.invented.forEach((k, n) -> invented.merge(k, n, Long::sum));
        o.unmeasured.forEach((k, n) -> unmeasured.merge(k, n, Long::sum));
        graderInputTokens += o.graderInputTokens;
        graderOutputTokens += o.graderOutputTokens;
        graderCostUsd = graderCostUsd.add(o.graderCostUsd);
        o.panels.forEach((check, calls) -> panels.computeIfAbsent(check, c -> new TreeMap<>()).putAll(calls));
    }

    /** A verdict from a panel names every judge's score as {@code judge:<id>=<score or unmeasured>}. */
    private void panelRatings(Verdict v, String callKey) {
        TreeMap<String, Double> ratings = new TreeMap<>();
        for (String f : v.findings()) {
            if (!f.startsWith("judge:") || f.indexOf('=') < 0) continue;
            String id = f.substring("judge:".length(), f.lastIndexOf('='));
            String value = f.substring(f.lastIndexOf('=') + 1);
            ratings.put(id, value.equals("unmeasured") ? Double.NaN : Double.parseDouble(value));
        }
        if (ratings.size() >= 2) panels.computeIfAbsent(v.check(), c -> new TreeMap<>()).put(callKey, ratings);
    }

    /** The case id a variant was derived from: its own id without the {@code ~variant} suffix. */
    private static String baseCase(ScoredCall call) {
        String id = String.valueOf(call.observation().caseId());
        String suffix = "~" + call.variant();
        return call.variant() != null && id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
    }

    Map<String, TreeMap<String, Outcome>> variants() {
        return variants;
    }
}
