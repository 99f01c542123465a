package dev.fieldtest.core.run;

import java.time.Duration;

/**
 * How a run ended: calls planned and completed, wall time, why it stopped early (null when it ran to the
 * end), and, when a {@link Budget} stopped it cleanly, why (null otherwise). Immutable.
 */
public record RunOutcome(int planned, int completed, Duration wall, String abortReason, String partialReason) {
    public RunOutcome(int planned, int completed, Duration wall, String abortReason) {
        this(planned, completed, wall, abortReason, null);
    }

    public boolean aborted() {
        return abortReason != null;
    }

    /** The budget stopped the run before its plan was done: calls in flight finished and were kept. */
    public boolean partial() {
        return partialReason != null && !aborted();
    }
}
