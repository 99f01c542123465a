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
 * @param sent                measured requests handed to a sender thread
 * @param completed           measured requests whose call returned before the step ended
 * @param succeeded           completed without an error
 * @param achievedRps         throughput: successful calls that completed inside the measurement window (whenever they
 *                            were sent) ÷ windowSeconds
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
 * @param good                measured requests that succeeded and met every {@link Slo} limit (goodput's numerator;
 *                            its denominator is {@code sent}: a request still in flight at the end is not good)
 * @param outputTokens        output tokens the provider reported over the measured requests
 * @param costUsd             cost of the measured requests, failed ones and retries included
 * @param first               the step's first send (usually in warm-up): its cold latency; null when none completed
 * @param qualitySample       a uniform sample of successful measured requests, for scoring with the suite's checks
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
        String invalidReason,
        long good,
        long outputTokens,
        double costUsd,
        SentRequest first,
        java.util.List<SentRequest> qualitySample) {

    /** The largest share of sends that may be more than 1 ms late for a step to be valid. */
    public static final double MAX_LATE_SEND_SHARE = 0.01;

    public StepResult {
        errors = Map.copyOf(errors);
        qualitySample = java.util.List.copyOf(qualitySample);
    }

    /** Share of measured sends that were good, 0 when none were sent. */
    public double goodputShare() {
        return sent == 0 ? 0 : (double) good / sent;
    }

    /** Failed ÷ completed, 0 when none completed. */
    public double errorRate() {
        return completed == 0 ? 0 : (double) failed() / completed;
    }

    /** Cost of the measured requests ÷ those that succeeded; null when none succeeded. */
    public Double costPerSuccessUsd() {
        return succeeded == 0 ? null : costUsd / succeeded;
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
