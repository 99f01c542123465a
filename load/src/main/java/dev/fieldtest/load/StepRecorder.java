package dev.fieldtest.load;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Folds the requests of one step into counts and histograms as they complete, so memory stays flat however long
 * the step runs. Keeps a uniform sample of successful measured requests (reservoir sampling, seeded) for quality
 * scoring, and the step's first send for its cold latency. Thread-safe: runners record from many threads.
 */
public final class StepRecorder {
    private static final long ONE_MS_MICROS = 1_000;

    private final Slo slo;
    private final int sampleSize;
    private final SplittableRandom random;
    private final Histogram corrected = Histograms.micros(), service = Histograms.micros(), correctedTtft = Histograms.micros(),
            serviceTtft = Histograms.micros(), itl = Histograms.micros(), tpot = Histograms.micros(), lag = Histograms.micros();
    private final Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
    private final List<SentRequest> sample = new ArrayList<>();
    private long completed, succeeded, throttled, good, outputTokens, late, eligible, succeededInWindow;
    private long windowStart, windowEnd = Long.MAX_VALUE;
    private double costUsd;
    private SentRequest first;

    /** Judges requests by {@code slo} and keeps up to {@code sampleSize} of them, chosen with {@code seed}. */
    public StepRecorder(Slo slo, int sampleSize, long seed) {
        if (sampleSize < 0) throw new IllegalArgumentException("sampleSize must be at least 0, but was " + sampleSize);
        this.slo = slo;
        this.sampleSize = sampleSize;
        this.random = new SplittableRandom(seed);
    }

    /** No SLO limits, no sample. */
    public static StepRecorder plain() {
        return new StepRecorder(Slo.NONE, 0, 0);
    }

    /** The measurement window, ns from the step start; throughput counts successes that completed inside it. */
    public synchronized void window(long startNanos, long endNanos) {
        this.windowStart = startNanos;
        this.windowEnd = endNanos;
    }

    /** Records one completed request, measured or not (an unmeasured one may still be the step's first, or add to throughput). */
    public synchronized void record(SentRequest r) {
        if (first == null || r.intendedStartNanos() < first.intendedStartNanos()) first = r;
        boolean inWindow = r.completedNanos() >= windowStart && r.completedNanos() < windowEnd;
        if (r.observation().succeeded() && inWindow) succeededInWindow++;
        if (!r.measured()) return;
        completed++;
        Observation o = r.observation();
        throttled += o.throttled();
        costUsd += o.costUsd();
        if (o.usage() != null) outputTokens += o.usage().outputTokens();
        if (slo.isGood(r)) good++;
        if (!o.succeeded()) {
            errors.merge(o.error(), 1L, Long::sum);
            return;
        }
        succeeded++;
        Histograms.record(corrected, r.correctedLatencyMicros());
        Histograms.record(service, r.serviceLatencyMicros());
        if (o.ttftMs() != null) {
            long ttftMicros = micros(o.ttftMs());
            Histograms.record(serviceTtft, ttftMicros);
            Histograms.record(correctedTtft, r.lateStartMicros() + ttftMicros);
        }
        List<Double> chunks = o.chunkMs();
        for (int i = 1; i < chunks.size(); i++) Histograms.record(itl, micros(chunks.get(i) - chunks.get(i - 1)));
        Long tpotMicros = tpotMicros(o);
        if (tpotMicros != null) Histograms.record(tpot, tpotMicros);
        keepInSample(r);
    }

    /** Records how late the generator dispatched one measured send, µs. */
    public synchronized void recordSendLag(long micros) {
        Histograms.record(lag, micros);
        if (micros > ONE_MS_MICROS) late++;
    }

    /** Completed measured requests so far, and how many of them failed: for live progress. */
    public synchronized long[] progress() {
        return new long[] {completed, completed - succeeded, throttled};
    }

    /** Algorithm R: every successful measured request ends up in the sample with the same probability. */
    private void keepInSample(SentRequest r) {
        eligible++;
        if (sample.size() < sampleSize) sample.add(r);
        else if (sampleSize > 0) {
            long j = random.nextLong(eligible);
            if (j < sampleSize) sample.set((int) j, r);
        }
    }

    /**
     * What the step measured.
     *
     * @param offeredRps   the schedule's rate; NaN for a closed step
     * @param windowNanos  length of the measurement window
     * @param sentMeasured measured requests sent, completed or not
     * @param startEpochMs wall-clock start of the step, for the histogram log's timestamps
     */
    public synchronized StepResult result(double offeredRps, long windowNanos, long sentMeasured, long startEpochMs) {
        long window = Math.max(1, windowNanos);
        List<Histogram> all = List.of(corrected, service, correctedTtft, serviceTtft, itl, tpot, lag);
        List<Histogram> copies = all.stream().map(h -> {
            Histogram c = h.copy();
            c.setStartTimeStamp(startEpochMs);
            c.setEndTimeStamp(startEpochMs + window / 1_000_000);
            return c;
        }).toList();
        long lagN = lag.getTotalCount();
        double lateShare = lagN == 0 ? 0 : (double) late / lagN;
        boolean valid = lateShare <= StepResult.MAX_LATE_SEND_SHARE;
        String reason = valid ? null : String.format(java.util.Locale.ROOT,
                "%d of %d sends (%.1f%%) left more than 1 ms after their intended instant (limit %.0f%%): the load generator could not keep the schedule",
                late, lagN, lateShare * 100, StepResult.MAX_LATE_SEND_SHARE * 100);
        double seconds = window / 1e9;
        return new StepResult(offeredRps, seconds, sentMeasured, completed, succeeded, succeededInWindow / seconds, errors, throttled,
                copies.get(0), copies.get(1), copies.get(2), copies.get(3), copies.get(4), copies.get(5), copies.get(6),
                lateShare, valid, reason, good, outputTokens, costUsd, first, sample);
    }

    /** "TPOT": (last − first content chunk) ÷ (output tokens − 1), µs; null without usage, with ≤ 1 output token or < 2 chunks. */
    static Long tpotMicros(Observation o) {
        if (o.usage() == null || o.usage().outputTokens() <= 1 || o.chunkMs().size() < 2) return null;
        List<Double> c = o.chunkMs();
        return micros((c.get(c.size() - 1) - c.get(0)) / (o.usage().outputTokens() - 1));
    }

    private static long micros(double ms) {
        return Math.round(ms * 1_000);
    }
}
