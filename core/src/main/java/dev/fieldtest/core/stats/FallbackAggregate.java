package dev.fieldtest.core.stats;

import dev.fieldtest.core.FallbackTrace;
import dev.fieldtest.core.Observation;
import java.math.BigDecimal;

/**
 * What a target's fallback chain did, over the calls that carry a {@link FallbackTrace}; mergeable like the rest
 * of {@link TargetAggregate}. A <em>primary failure</em> is a call whose primary failed (after its retries); it is
 * <em>recovered</em> when a fallback then answered. Added latency is the failed hops' wall time of recovered
 * calls; the fallback's cost is what every hop after the primary billed. Pass rates split answered calls by who
 * answered. Not thread-safe.
 */
public final class FallbackAggregate {
    long calls;
    long primaryFailures;
    long recovered;
    final long[] primaryAnswered = new long[2];  // calls, passes
    final long[] fallbackAnswered = new long[2];
    final LatencyHistogram addedLatency = new LatencyHistogram();
    BigDecimal fallbackCostUsd = BigDecimal.ZERO;

    void add(Observation o, boolean pass) {
        FallbackTrace t = o.fallback();
        if (t == null) return;
        calls++;
        if (t.primaryFailed()) {
            primaryFailures++;
            // the primary's own bill is the first failed hop; everything after it is what falling back cost
            fallbackCostUsd = fallbackCostUsd.add(new BigDecimal(o.costUsd() - t.failed().get(0).costUsd()));
            if (o.succeeded()) {
                recovered++;
                addedLatency.recordMs(t.addedLatencyMs());
                count(fallbackAnswered, pass);
            }
        } else if (o.succeeded()) {
            count(primaryAnswered, pass);
        }
    }

    void merge(FallbackAggregate o) {
        calls += o.calls;
        primaryFailures += o.primaryFailures;
        recovered += o.recovered;
        for (int i = 0; i < 2; i++) {
            primaryAnswered[i] += o.primaryAnswered[i];
            fallbackAnswered[i] += o.fallbackAnswered[i];
        }
        addedLatency.merge(o.addedLatency);
        fallbackCostUsd = fallbackCostUsd.add(o.fallbackCostUsd);
    }

    private static void count(long[] t, boolean pass) {
        t[0]++;
        if (pass) t[1]++;
    }

    /** Calls of a target with a chain; 0 when the target has none. */
    public long calls() { return calls; }

    /** Calls whose primary failed. */
    public long primaryFailures() { return primaryFailures; }

    /** Primary failures a fallback answered. */
    public long recovered() { return recovered; }

    /** Calls the primary answered, and of them passed. */
    public Tally primaryAnswered() { return new Tally(primaryAnswered[0], primaryAnswered[1]); }

    /** Calls a fallback answered, and of them passed. */
    public Tally fallbackAnswered() { return new Tally(fallbackAnswered[0], fallbackAnswered[1]); }

    /** Failed hops' wall time of recovered calls, in ms; a copy. */
    public LatencyHistogram addedLatency() { return addedLatency.copy(); }

    /** USD billed by every hop after the primary; the exact sum. */
    public BigDecimal fallbackCostUsd() { return fallbackCostUsd; }
}
