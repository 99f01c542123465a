package dev.fieldtest.core;

import java.util.List;

/**
 * What one check said about one call. Immutable.
 *
 * @param detail   why it failed (or what it found), in a line a person can act on; null when it simply passed
 * @param score    a graded score in [0, 1] (judges, similarity); null for a plain pass/fail check, which
 *                 scores 1 when it passes and 0 when it fails
 * @param measured false when the check could not reach a verdict (an unparseable judge reply): such a
 *                 verdict never passes and is counted as unmeasured, apart from failures
 * @param findings items the check found, for reports and metrics: invented references as
 *                 {@code invented:<item>}, detected behaviour as {@code behaviour:abstain|clarify|refuse|uncertain}
 * @param usage    tokens the check itself spent (a judge call); null when it called no model
 * @param costUsd  what the check itself cost (a judge call), counted in the target's cost per success
 */
public record Verdict(String check, boolean pass, String detail, Double score, boolean measured, List<String> findings,
                      Usage usage, double costUsd) {
    public Verdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (score != null && !(score >= 0 && score <= 1)) throw new IllegalArgumentException("score must be in [0, 1], but was " + score);
        if (!measured && pass) throw new IllegalArgumentException("an unmeasured verdict cannot pass");
        if (!(costUsd >= 0)) throw new IllegalArgumentException("cost must be >= 0, but was " + costUsd);
    }

    /** A plain pass/fail verdict. */
    public Verdict(String check, boolean pass, String detail) {
        this(check, pass, detail, null, true, List.of(), null, 0);
    }

    public static Verdict pass(String check) {
        return new Verdict(check, true, null);
    }

    public static Verdict fail(String check, String detail) {
        return new Verdict(check, false, detail);
    }

    /** No verdict could be reached; counted as unmeasured, never as a pass. */
    public static Verdict unmeasured(String check, String detail) {
        return new Verdict(check, false, detail, null, false, List.of(), null, 0);
    }

    /** The score this verdict contributes: its graded score, or 1/0 for pass/fail; null when unmeasured. */
    public Double effectiveScore() {
        if (!measured) return null;
        return score != null ? score : pass ? 1.0 : 0.0;
    }

    public Verdict withFindings(List<String> items) {
        return new Verdict(check, pass, detail, score, measured, items, usage, costUsd);
    }

    public Verdict withCost(Usage spent, double usd) {
        return new Verdict(check, pass, detail, score, measured, findings, spent, usd);
    }
}
