package dev.fieldtest.load;

import dev.fieldtest.core.ErrorClass;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * What one open-loop step measured, over the requests whose intended start fell in the measurement window
 * (after warm-up, before cool-down). Histogram values are microseconds (1 µs to 1 h, 3 significant digits); the
 * histograms are the step's own copies and must not be changed. Latency, TTFT, ITL and TPOT cover successful
 * calls only; failures are counted in {@code errors}.
 *
 * @param offeredRps          the schedule's rate, requests per second
 * @param windowSeconds       length of the measurement window, seconds
 * @param sent                measured requests handed to a virtual thread
 * @param completed           measured requests whose call returned before the step ended
 * @param succeeded           completed without an error
 * @param achievedRps         succeeded ÷ windowSeconds
 * @param errors              completed calls by error class (absent classes had none)
 * @param throttled429        HTTP 429 responses over all attempts (sum of {@code Observation.throttled})
 * @param correctedLatency    (actual send − intended start) + service latency: what a user arriving on schedule waited
 * @param serviceLatency      {@code Observation.latencyMs}: send to last byte as the target saw it
 * @param correctedTtft       (actual send − intended start) + {@code Observation.ttftMs}, streaming calls only
 * @param serviceTtft         {@code Observation.ttftMs}
 * @param itl                 inter-token latency: every gap between successive content chunks
 * @param tpot                "TPOT", time per output token: (last chunk − first chunk) ÷ (output tokens − 1), calls with more than one output token
 * @param sendLag             scheduler lag, dispatch − intended start, for every measured send
 * @param sendLagOverOneMsShare share of measured sends dispatched more than 1 ms late, 0..1
 * @param valid               false when more than 1% of sends were over 1 ms late: the load generator, not the
 *                            target, then shaped the numbers
 * @param invalidReason       why not valid; null when valid
 */
public record StepResult(
        double offeredRps,
        double windowSeconds,
        long sent,
        long completed,
        long succeeded,
        double achievedRps,
        Map<ErrorClass, Long> errors,
        long throttled429,
        Histogram correctedLatency,
        Histogram serviceLatency,
        Histogram correctedTtft,
        Histogram serviceTtft,
        Histogram itl,
        Histogram tpot,
        Histogram sendLag,
        double sendLagOverOneMsShare,
        boolean valid,
        String invalidReason) {

    /** The largest share of sends that may be more than 1 ms late for a step to be valid. */
    public static final double MAX_LATE_SEND_SHARE = 0.01;

    public StepResult {
        errors = Map.copyOf(errors);
    }

    public LatencySummary corrected() {
        return LatencySummary.ofMicros(correctedLatency);
    }

    public LatencySummary service() {
        return LatencySummary.ofMicros(serviceLatency);
    }

    public LatencySummary correctedTtftSummary() {
        return LatencySummary.ofMicros(correctedTtft);
    }

    public LatencySummary serviceTtftSummary() {
        return LatencySummary.ofMicros(serviceTtft);
    }

    public LatencySummary itlSummary() {
        return LatencySummary.ofMicros(itl);
    }

    /** Summary of "TPOT" (time per output token). */
    public LatencySummary tpotSummary() {
        return LatencySummary.ofMicros(tpot);
    }

    public LatencySummary sendLagSummary() {
        return LatencySummary.ofMicros(sendLag);
    }

    /** Completed calls that failed, over every error class. */
    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Writes every histogram of this step to {@code file} in HdrHistogram's interval log format
     * ({@link HistogramLogWriter}), one interval per histogram, tagged {@code corrected}, {@code service},
     * {@code ttft_corrected}, {@code ttft_service}, {@code itl}, {@code tpot} and {@code send_lag}; values in µs.
     */
    public void writeHistogramLog(Path file) throws IOException {
        try (var out = new PrintStream(Files.newOutputStream(file), false, java.nio.charset.StandardCharsets.UTF_8)) {
            var writer = new HistogramLogWriter(out);
            writer.outputComment("fieldtest load step: values in microseconds; offered " + offeredRps + " rps");
            writer.outputLogFormatVersion();
            writer.outputStartTime(correctedLatency.getStartTimeStamp());
            writer.outputLegend();
            for (var e : tagged().entrySet()) {
                Histogram copy = e.getValue().copy();
                copy.setTag(e.getKey());
                copy.setStartTimeStamp(correctedLatency.getStartTimeStamp());
                copy.setEndTimeStamp(correctedLatency.getEndTimeStamp());
                writer.outputIntervalHistogram(copy);
            }
        }
    }

    /** The histograms by the tag {@link #writeHistogramLog} gives them, in a fixed order. */
    public Map<String, Histogram> tagged() {
        var m = new java.util.LinkedHashMap<String, Histogram>();
        m.put("corrected", correctedLatency);
        m.put("service", serviceLatency);
        m.put("ttft_corrected", correctedTtft);
        m.put("ttft_service", serviceTtft);
        m.put("itl", itl);
        m.put("tpot", tpot);
        m.put("send_lag", sendLag);
        return java.util.Collections.unmodifiableMap(m);
    }
}
