package dev.fieldtest.load;

import dev.fieldtest.core.Observation;

/**
 * One request of an open-loop step and when it happened. All instants are nanoseconds from the step start on
 * one monotonic clock ({@link System#nanoTime()}). Immutable.
 *
 * @param intendedStartNanos when the schedule meant it to be sent
 * @param dispatchNanos      when its sender thread started running; {@code dispatch − intended} is the
 *                           scheduler's own lag, the number the validity rule checks
 * @param actualSendNanos    when the sender thread handed the request to {@code Target.call}, after waiting
 *                           for an in-flight slot when the runner caps concurrency. The target's own send (where
 *                           {@link Observation#latencyMs()} starts) is a few microseconds later still
 * @param completedNanos     when {@code Target.call} returned
 * @param observation        what the target returned
 * @param measured           false when the intended start fell in warm-up or cool-down
 */
public record SentRequest(long intendedStartNanos, long dispatchNanos, long actualSendNanos, long completedNanos, Observation observation,
                          boolean measured) {

    /** Scheduler lag, dispatch − intended start, in microseconds (never negative). */
    public long sendLagMicros() {
        return Math.max(0, dispatchNanos - intendedStartNanos) / 1_000;
    }

    /** Time spent waiting to be sent, actual send − intended start, in microseconds (never negative). */
    public long lateStartMicros() {
        return Math.max(0, actualSendNanos - intendedStartNanos) / 1_000;
    }

    /** What a user who arrived at the intended instant waited: (actual send − intended start) + service latency, µs. */
    public long correctedLatencyMicros() {
        return lateStartMicros() + serviceLatencyMicros();
    }

    /** What the target measured from its own send to the last byte ({@link Observation#latencyMs()}), in µs. */
    public long serviceLatencyMicros() {
        return Math.round(observation.latencyMs() * 1_000);
    }
}
