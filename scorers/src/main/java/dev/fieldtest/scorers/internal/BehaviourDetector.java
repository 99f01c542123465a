package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.CheckInput;

/**
 * Decides whether an output shows a behaviour (abstaining, asking for clarification, …). Phrase patterns
 * ({@link PhraseDetector}) are the built-in way; the interface is what lets a model judge decide instead,
 * without changing {@link BehaviourCheck}. Implementations must be thread-safe.
 */
public interface BehaviourDetector {
    /** Looks at {@code input.text()}, which is never null here. */
    Detection detect(CheckInput input);

    /**
     * What a detector concluded.
     *
     * @param measured false when no conclusion could be reached (a regex that ran out of time, an
     *                 unreadable judge reply); {@code evidence} then says why
     * @param found    whether the behaviour is present
     * @param evidence what showed it (a quoted phrase and where), or why nothing was measured; null otherwise
     * @param usage    tokens a judge spent; null when no model was called
     * @param costUsd  what a judge cost
     */
    record Detection(boolean measured, boolean found, String evidence, Usage usage, double costUsd) {
        public static Detection found(String evidence) {
            return new Detection(true, true, evidence, null, 0);
        }

        public static Detection absent() {
            return new Detection(true, false, null, null, 0);
        }

        public static Detection unmeasured(String why) {
            return new Detection(false, false, why, null, 0);
        }
    }
}
