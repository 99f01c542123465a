package dev.fieldtest.core.run;

import java.time.Duration;

/**
 * How a run ended: calls planned and completed, wall time, and why it stopped early (null when it ran
 * to the end). Immutable.
 */
public record RunOutcome(int planned, int completed, Duration wall, String abortReason) {
    public boolean aborted() {
        return abortReason != null;
    }
}
