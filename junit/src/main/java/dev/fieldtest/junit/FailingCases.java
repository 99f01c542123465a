package dev.fieldtest.junit;

import dev.fieldtest.api.CallRow;
import dev.fieldtest.api.TargetResult;
import java.util.List;

/** The lines a failed assertion lists: each failing call's case, target, an output excerpt and why it failed. */
final class FailingCases {
    /** Enough to act on; the run directory's report.html has the rest. */
    static final int LISTED = 20;
    private static final int EXCERPT = 120;

    private FailingCases() {}

    static String of(TargetResult t) {
        List<CallRow> failed = t.failures();
        if (failed.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\nFailing cases of target \"" + t.id() + "\" (" + failed.size() + " of " + t.calls() + " calls):");
        for (CallRow c : failed.subList(0, Math.min(LISTED, failed.size()))) {
            out.append("\n  - case ").append(c.caseId()).append(", target ").append(c.targetId()).append(", repeat ").append(c.repeatIndex())
                    .append(": output ").append(excerpt(c.output())).append(" — ").append(String.join("; ", c.failures()));
        }
        if (failed.size() > LISTED) out.append("\n  … and ").append(failed.size() - LISTED).append(" more (see report.html)");
        return out.toString();
    }

    private static String excerpt(String output) {
        if (output == null) return "(none)";
        String one = output.replace("\n", "\\n");
        return "\"" + (one.length() > EXCERPT ? one.substring(0, EXCERPT) + "…" : one) + "\"";
    }
}
