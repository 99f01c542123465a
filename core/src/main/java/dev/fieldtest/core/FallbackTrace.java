package dev.fieldtest.core;

import java.util.List;

/**
 * How a call to a target with a fallback chain went: who finally answered and what the failed hops before it
 * took and cost. Present only on observations of a target that declares {@code fallback:}. Immutable.
 *
 * @param answeredBy the id of the target whose answer the call returned; null when every target in the chain failed
 * @param hops       steps taken along the chain: 0 when the primary answered, 1 when the first fallback was called, …
 * @param failed     the attempts that failed before the last one, in call order (the primary first)
 */
public record FallbackTrace(String answeredBy, int hops, List<Hop> failed) {
    /** One target's failed call within the chain: its error, its latency and what it was billed (0 when unknown). */
    public record Hop(String target, ErrorClass error, double latencyMs, double costUsd) {}

    public FallbackTrace {
        failed = List.copyOf(failed);
        if (hops < 0) throw new IllegalArgumentException("hops must be >= 0, but was " + hops);
    }

    /** True when the primary failed, whatever happened next. */
    public boolean primaryFailed() {
        return hops > 0;
    }

    /** Milliseconds the failed hops added before the answering (or last) target was called. */
    public double addedLatencyMs() {
        return failed.stream().mapToDouble(Hop::latencyMs).sum();
    }

    /** USD the failed hops were billed. */
    public double failedCostUsd() {
        return failed.stream().mapToDouble(Hop::costUsd).sum();
    }
}
