package dev.fieldtest.api;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.util.List;

/**
 * One call of the run, as results.jsonl holds it. Immutable.
 *
 * @param output   the answer; null when the call failed
 * @param error    the error class's wire name ({@code timeout}, {@code server_error}, …); null on success
 * @param failures why it did not pass: the error, or each failed check as {@code check: detail}; empty when it passed
 */
public record CallRow(String targetId, String caseId, int repeatIndex, boolean pass, String output, String error,
                      double latencyMs, double costUsd, List<String> tags, List<String> failures) {
    public CallRow {
        tags = List.copyOf(tags);
        failures = List.copyOf(failures);
    }

    static CallRow of(ScoredCall c) {
        var o = c.observation();
        List<String> why = new java.util.ArrayList<>();
        if (!o.succeeded()) why.add(o.error().wireName() + (o.errorMessage() == null ? "" : ": " + o.errorMessage()));
        for (Verdict v : c.verdicts()) {
            if (!v.pass()) why.add(v.check() + ": " + (!v.measured() ? "unmeasured" : v.detail() == null ? "failed" : v.detail()));
        }
        return new CallRow(o.targetId(), o.caseId(), o.repeatIndex(), c.pass(), o.output(), o.error() == null ? null : o.error().wireName(),
                o.latencyMs(), o.costUsd(), c.tags(), why);
    }
}
