package dev.fieldtest.core.run;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an observation into a results row: every check's verdict, pass (succeeded and every check
 * passed) and the stated confidence. The same code scores offline, load and production observations.
 * Thread-safe.
 */
public final class CallScorer {
    private final List<BoundCheck> checks;
    private final Pattern confidence;

    public CallScorer(List<BoundCheck> checks, Pattern confidence) {
        this.checks = List.copyOf(checks);
        this.confidence = confidence;
    }

    public ScoredCall score(String runId, Observation observation, Case testCase) {
        return score(runId, observation, testCase, null);
    }

    /** {@code variant}: the perturbation or generated version the input is, null for the case as written. */
    public ScoredCall score(String runId, Observation observation, Case testCase, String variant) {
        if (!observation.succeeded()) {
            return new ScoredCall(runId, observation, List.of(), testCase.tags(), false, null, variant, testCase.expect());
        }
        List<Verdict> verdicts = checks.stream().map(c -> c.apply(observation, testCase)).toList();
        boolean pass = verdicts.stream().allMatch(Verdict::pass);
        return new ScoredCall(runId, observation, verdicts, testCase.tags(), pass, statedConfidence(observation.output()), variant, testCase.expect());
    }

    /**
     * Group 1 of the confidence pattern as a number in [0, 1]; "85%" or a bare 85 reads as 0.85. Anything
     * else (no match, not a number, above 100) is no stated confidence.
     */
    Double statedConfidence(String output) {
        if (confidence == null) return null;
        Matcher m = confidence.matcher(output);
        if (!m.find()) return null;
        String raw = (m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group()).trim();
        boolean percent = raw.endsWith("%");
        try {
            double v = Double.parseDouble(percent ? raw.substring(0, raw.length() - 1).trim() : raw);
            if (percent || v > 1) v /= 100;
            return v >= 0 && v <= 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
