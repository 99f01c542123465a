package dev.fieldtest.core.stats;

import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.config.Defaults;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything summary.json reports about one target, accumulated call by call and mergeable.
 *
 * <p>What it keeps: counts (calls, errors, passes, throttled responses, retries, tokens), the exact sum of
 * cost in USD, a {@link Tally} per case id and per tag, a {@link Calibration} over calls that stated a
 * confidence, and {@link LatencyHistogram}s of latency and time to first token over successful calls. It
 * keeps no list of raw values, and every sum is exact (integers, or {@link BigDecimal} sums of the doubles
 * given), so aggregates built over any split of a run's calls, merged in any order, equal one aggregate
 * built over all of them, and render to the same JSON.
 *
 * <p>Definitions: a call <em>passes</em> when {@link ScoredCall#pass()} is true and its observation has no
 * error (a failed call never passes). An <em>error</em> is an observation with {@code error != null}.
 * Retries are {@code attempts − 1} per call (never below 0). Latency and TTFT are in milliseconds and
 * come from successful calls only; TTFT only from those that reported one. Tokens are summed from
 * {@link Observation#usage()} where present. A call with a null case id (a production trace outside any
 * suite) counts everywhere except in the per-case tallies behind pass@k. A tag listed twice on a call counts
 * once.
 *
 * <p>Not thread-safe: the executor adds from one thread; merge aggregates built on other threads or
 * machines once they are complete.
 */
public final class TargetAggregate {
    private final String targetId;
    private long calls;
    private long errors;
    private long passes;
    private long throttled;
    private long retries;
    private long cachedCalls;
    private long inputTokens;
    private long outputTokens;
    private long tokenizerCounted;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private final TreeMap<String, long[]> perCase = new TreeMap<>();
    private final TreeMap<String, long[]> perTag = new TreeMap<>();
    private final Calibration calibration = new Calibration();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram ttft = new LatencyHistogram();
    private final Robustness robustness = new Robustness();
    private final FallbackAggregate fallback = new FallbackAggregate();

    /** An empty aggregate for the target with this id. */
    public TargetAggregate(String targetId) {
        this.targetId = Objects.requireNonNull(targetId, "targetId");
    }

    /** The target's id, the key under {@code targets} in summary.json. */
    public String targetId() {
        return targetId;
    }

    /**
     * Counts one call.
     *
     * @throws IllegalArgumentException when the call belongs to another target, or carries a value no
     *                                  statistic can take (confidence outside [0, 1], a negative or non-finite
     *                                  latency, TTFT or cost); the aggregate is then unchanged
     */
    public void add(ScoredCall call) {
        Observation o = Objects.requireNonNull(call.observation(), "observation");
        if (!targetId.equals(o.targetId())) {
            throw new IllegalArgumentException("call of target '" + o.targetId() + "' added to the aggregate of '"
                    + targetId + "'");
        }
        if (call.confidence() != null) Calibration.checkConfidence(call.confidence());
        if (!Double.isFinite(o.costUsd()) || o.costUsd() < 0) {
            throw new IllegalArgumentException("cost must be finite and >= 0 USD, but was " + o.costUsd());
        }
        if (o.succeeded()) {
            LatencyHistogram.checkMs(o.latencyMs());
            if (o.ttftMs() != null) LatencyHistogram.checkMs(o.ttftMs());
        }

        boolean pass = call.pass() && o.succeeded();
        calls++;
        if (pass) passes++;
        if (!o.succeeded()) {
            errors++;
        } else {
            latency.recordMs(o.latencyMs());
            if (o.ttftMs() != null) ttft.recordMs(o.ttftMs());
        }
        throttled += o.throttled();
        retries += Math.max(0, o.retries());
        if (o.cached()) cachedCalls++;
        if (o.usage() != null) {
            inputTokens += o.usage().inputTokens();
            outputTokens += o.usage().outputTokens();
            if (o.usage().source() == dev.fieldtest.core.Usage.Source.TOKENIZER) tokenizerCounted++;
        }
        costUsd = costUsd.add(new BigDecimal(o.costUsd()));
        for (var v : call.verdicts()) { // graders' (judges') own calls count in tokens and cost too
            if (v.usage() != null) {
                inputTokens += v.usage().inputTokens();
                outputTokens += v.usage().outputTokens();
            }
            costUsd = costUsd.add(new BigDecimal(v.costUsd()));
        }
        robustness.add(call, pass);
        fallback.add(o, pass);
        if (o.caseId() != null) count(perCase, o.caseId(), 1, pass ? 1 : 0);
        for (String tag : new LinkedHashSet<>(call.tags())) count(perTag, tag, 1, pass ? 1 : 0);
        if (call.confidence() != null) calibration.add(call.confidence(), pass);
    }

    /**
     * Adds everything {@code other} counted; {@code other} is unchanged. Afterwards this aggregate equals
     * one that had been given both aggregates' calls.
     *
     * @throws IllegalArgumentException when {@code other} is of another target
     */
    public void merge(TargetAggregate other) {
        if (!targetId.equals(other.targetId)) {
            throw new IllegalArgumentException("cannot merge target '" + other.targetId + "' into '" + targetId + "'");
        }
        if (other == this) other = copy();
        calls += other.calls;
        errors += other.errors;
        passes += other.passes;
        throttled += other.throttled;
        retries += other.retries;
        cachedCalls += other.cachedCalls;
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        tokenizerCounted += other.tokenizerCounted;
        costUsd = costUsd.add(other.costUsd);
        other.perCase.forEach((id, t) -> count(perCase, id, t[0], t[1]));
        other.perTag.forEach((tag, t) -> count(perTag, tag, t[0], t[1]));
        calibration.merge(other.calibration);
        latency.merge(other.latency);
        ttft.merge(other.ttft);
        robustness.merge(other.robustness);
        fallback.merge(other.fallback);
    }

    /** A copy that evolves independently of this one. */
    public TargetAggregate copy() {
        TargetAggregate c = new TargetAggregate(targetId);
        c.merge(this);
        return c;
    }

    /** Variants, escalation, confident-wrong calls, invented references, unmeasured verdicts, graders' cost. */
    public Robustness robustness() {
        return robustness;
    }

    /** What the target's fallback chain did (all zero without a chain); live, read it once the aggregate is complete. */
    public FallbackAggregate fallback() {
        return fallback;
    }

    /** Calls counted, failed ones included. */
    public long calls() {
        return calls;
    }

    /** Calls whose observation carries an error. */
    public long errors() {
        return errors;
    }

    /** Calls that passed (succeeded and every verdict passed). */
    public long passes() {
        return passes;
    }

    /** HTTP 429 responses over all calls and attempts. */
    public long throttled() {
        return throttled;
    }

    /** Attempts beyond the first, over all calls. */
    public long retries() {
        return retries;
    }

    /** Calls a response cache answered (their figures are the original calls'); see docs/cache.md. */
    public long cachedCalls() {
        return cachedCalls;
    }

    /** Input tokens reported over all calls. */
    public long inputTokens() {
        return inputTokens;
    }

    /** Calls whose tokens fieldtest's tokenizer counted because the provider reported none (docs/providers.md). */
    public long tokenizerCounted() {
        return tokenizerCounted;
    }

    /** Output tokens reported over all calls. */
    public long outputTokens() {
        return outputTokens;
    }

    /** Total cost in USD of all calls, failed ones included; the exact sum of the calls' costs. */
    public BigDecimal costUsd() {
        return costUsd;
    }

    /** Distinct case ids seen. */
    public int cases() {
        return perCase.size();
    }

    /** Runs and passes per case id, sorted by case id; a snapshot. */
    public Map<String, Tally> perCase() {
        return snapshot(perCase);
    }

    /** Calls and passes per tag, sorted by tag; a snapshot. */
    public Map<String, Tally> slices() {
        return snapshot(perTag);
    }

    /**
     * The slice with the lowest pass rate among those with at least {@link Defaults#WORST_SLICE_MIN_N} calls
     * (among all slices when none has that many); empty when no call had a tag. See {@link Slice#worst}.
     */
    public Optional<Slice> worstSlice() {
        return Slice.worst(slices(), Defaults.WORST_SLICE_MIN_N);
    }

    /** Calibration over calls that stated a confidence; a copy. */
    public Calibration calibration() {
        return calibration.copy();
    }

    /** Latency (send to last byte) of successful calls, in ms; a copy. */
    public LatencyHistogram latency() {
        return latency.copy();
    }

    /** Time to first token of successful calls that reported one, in ms; a copy. */
    public LatencyHistogram ttft() {
        return ttft.copy();
    }

    private static void count(Map<String, long[]> map, String key, long n, long passes) {
        long[] t = map.computeIfAbsent(key, k -> new long[2]);
        t[0] += n;
        t[1] += passes;
    }

    private static Map<String, Tally> snapshot(TreeMap<String, long[]> map) {
        TreeMap<String, Tally> out = new TreeMap<>();
        map.forEach((k, t) -> out.put(k, new Tally(t[0], t[1])));
        return Collections.unmodifiableSortedMap(out);
    }
}
