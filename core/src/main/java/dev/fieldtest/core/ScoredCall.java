package dev.fieldtest.core;

import java.util.List;

/**
 * One row of results.jsonl: an observation, its verdicts and the case's tags. A call passes when it
 * succeeded and every verdict passed. {@code confidence} is the model's stated confidence in [0, 1], or
 * null when it stated none. Immutable.
 */
public record ScoredCall(String runId, Observation observation, List<Verdict> verdicts, List<String> tags,
                         boolean pass, Double confidence) {
    public ScoredCall {
        verdicts = List.copyOf(verdicts);
        tags = List.copyOf(tags);
    }
}
