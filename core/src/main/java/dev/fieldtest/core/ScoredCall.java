package dev.fieldtest.core;

import java.util.List;

/**
 * One row of results.jsonl: an observation, its verdicts and the case's tags. A call passes when it
 * succeeded and every verdict passed. Immutable.
 *
 * @param confidence the model's stated confidence in [0, 1], or null when it stated none
 * @param variant    the perturbation or generated version this call's input is ("typos", "injection", …);
 *                   null for the case as written
 * @param expect     the behaviour the case expects: answer, abstain, clarify or refuse; null when unstated
 */
public record ScoredCall(String runId, Observation observation, List<Verdict> verdicts, List<String> tags,
                         boolean pass, Double confidence, String variant, String expect) {
    public ScoredCall {
        verdicts = List.copyOf(verdicts);
        tags = List.copyOf(tags);
    }

    public ScoredCall(String runId, Observation observation, List<Verdict> verdicts, List<String> tags, boolean pass, Double confidence) {
        this(runId, observation, verdicts, tags, pass, confidence, null, null);
    }

    /** Mean of the verdicts' scores (1/0 for pass/fail checks), 0 for a failed call, 1 with no checks; null when none was measured. */
    public Double score() {
        if (!observation.succeeded()) return 0.0;
        if (verdicts.isEmpty()) return 1.0;
        return verdicts.stream().map(Verdict::effectiveScore).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null);
    }
}
