package dev.fieldtest.load;

import java.util.List;

/**
 * A step that ran: its plan, what it measured, how its sampled answers scored, and whether it met the run's
 * SLOs and limits. Immutable.
 *
 * @param quality      the suite's checks over the step's quality sample; null when the suite has no checks or the
 *                     sample is off
 * @param breaks       one sentence per SLO or limit the step failed; empty when it met them all
 * @param histogramLog the step's HdrHistogram interval log, relative to the run directory
 */
public record StepOutcome(StepPlan plan, StepResult result, Quality quality, List<String> breaks, String histogramLog) {

    /** Sampled answers scored: {@code passed} of {@code n}, and what the judges among the checks cost. */
    public record Quality(long n, long passed, double judgeCostUsd) {}

    public StepOutcome {
        breaks = List.copyOf(breaks);
    }

    public boolean meetsSlo() {
        return breaks.isEmpty();
    }

    /** Valid (the generator kept its schedule) and met every SLO and limit. */
    public boolean sustained() {
        return result.valid() && meetsSlo();
    }
}
