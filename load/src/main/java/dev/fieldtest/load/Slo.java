package dev.fieldtest.load;

import dev.fieldtest.core.config.Defaults;

/**
 * What a user needs from one request, and how many requests must get it. A request is <em>good</em> when it
 * succeeded and met every limit given: corrected latency ≤ {@code latencyMs}, corrected TTFT ≤ {@code ttftMs}
 * (a non-streaming answer's first token is its last byte), "TPOT" ≤ {@code tpotMs} (calls without a TPOT pass
 * that limit). A null limit is not checked. Immutable.
 *
 * @param goodput      the share of a step's measured requests that must be good, 0..1
 * @param maxErrorRate the largest share of completed requests that may fail, 0..1
 */
public record Slo(Double latencyMs, Double ttftMs, Double tpotMs, double goodput, double maxErrorRate) {

    /** No latency limits; a step must have 95% of its requests succeed and at most 5% fail. */
    public static final Slo NONE = new Slo(null, null, null, Defaults.LOAD_GOODPUT, Defaults.LOAD_MAX_ERROR_RATE);

    public Slo {
        if (!(goodput >= 0 && goodput <= 1)) throw new IllegalArgumentException("goodput must be from 0 to 1, but was " + goodput);
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) throw new IllegalArgumentException("max_error_rate must be from 0 to 1, but was " + maxErrorRate);
    }

    /** Whether one completed request was good. */
    public boolean isGood(SentRequest r) {
        if (!r.observation().succeeded()) return false;
        double correctedMs = r.correctedLatencyMicros() / 1_000.0;
        if (latencyMs != null && correctedMs > latencyMs) return false;
        if (ttftMs != null) {
            Double ttft = r.observation().ttftMs();
            double firstToken = ttft == null ? correctedMs : r.lateStartMicros() / 1_000.0 + ttft;
            if (firstToken > ttftMs) return false;
        }
        if (tpotMs != null) {
            Long tpot = StepRecorder.tpotMicros(r.observation());
            if (tpot != null && tpot / 1_000.0 > tpotMs) return false;
        }
        return true;
    }
}
