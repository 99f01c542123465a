package dev.fieldtest.load;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Folds the requests of one step into a {@link StepResult}. Pure. */
final class StepMeasurement {
    private static final long ONE_MS_MICROS = 1_000;

    private StepMeasurement() {}

    /**
     * @param offeredRps      the schedule's rate
     * @param windowNanos     length of the measurement window
     * @param sentMeasured    measured requests sent (completed or not)
     * @param requests        completed requests; those not {@link SentRequest#measured()} are skipped
     * @param sendLagMicros   scheduler lag (dispatch − intended) of every measured send, completed or not
     * @param startEpochMs    wall-clock start of the step, for the histogram log's timestamps
     */
    static StepResult of(double offeredRps, long windowNanos, long sentMeasured, List<SentRequest> requests,
                         List<Long> sendLagMicros, long startEpochMs) {
        Histogram corrected = Histograms.micros(), service = Histograms.micros(), correctedTtft = Histograms.micros(),
                serviceTtft = Histograms.micros(), itl = Histograms.micros(), tpot = Histograms.micros(), lag = Histograms.micros();
        Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
        long completed = 0, succeeded = 0, throttled = 0, late = 0;
        for (SentRequest r : requests) {
            if (!r.measured()) continue;
            completed++;
            Observation o = r.observation();
            throttled += o.throttled();
            if (!o.succeeded()) {
                errors.merge(o.error(), 1L, Long::sum);
                continue;
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
        }
        for (long l : sendLagMicros) {
            Histograms.record(lag, l);
            if (l > ONE_MS_MICROS) late++;
        }
        long window = Math.max(1, windowNanos);
        long endEpochMs = startEpochMs + window / 1_000_000;
        for (Histogram h : List.of(corrected, service, correctedTtft, serviceTtft, itl, tpot, lag)) {
            h.setStartTimeStamp(startEpochMs);
            h.setEndTimeStamp(endEpochMs);
        }
        double lateShare = sendLagMicros.isEmpty() ? 0 : (double) late / sendLagMicros.size();
        boolean valid = lateShare <= StepResult.MAX_LATE_SEND_SHARE;
        String reason = valid ? null : String.format(java.util.Locale.ROOT,
                "%d of %d sends (%.1f%%) left more than 1 ms after their intended instant (limit %.0f%%): the load generator could not keep the schedule",
                late, sendLagMicros.size(), lateShare * 100, StepResult.MAX_LATE_SEND_SHARE * 100);
        return new StepResult(offeredRps, window / 1e9, sentMeasured, completed, succeeded, succeeded / (window / 1e9), errors, throttled,
                corrected, service, correctedTtft, serviceTtft, itl, tpot, lag, lateShare, valid, reason);
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
