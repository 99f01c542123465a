package dev.fieldtest.core.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders aggregates as the {@code targets} object of summary.json. The field names are a contract with
 * users' CI scripts; change them only with a version bump. For each target:
 *
 * <pre>
 * calls, cases, errors, throttled, retries, cached_calls integers
 * pass_rate   {value, ci95: [lo, hi], n, passes}          over all calls; ci95 = Wilson score interval, z = 1.96
 * pass_at_k   {"1": …, "3": …, "5": …, "10": …, "&lt;repeat&gt;": …}   mean over cases of 1 − C(n−c,k)/C(n,k)
 * pass_all_k  {same keys}                                  mean over cases of C(c,k)/C(n,k)
 * pass_k_n    {same keys}                                  cases averaged for that k (those run ≥ k times)
 * calibration {ece, brier, n}                              over calls that stated a confidence
 * latency_ms  {p50, p90, p95, p99, max, n}                 successful calls
 * ttft_ms     {p50, p90, p95, p99, n}                      only when a successful call reported a TTFT
 * tokens      {input, output}
 * cost_usd    {total, per_call, per_success}               per_success = total (failed calls included) / passes
 * slices      {"&lt;tag&gt;": {n, pass_rate, ci95}}              sorted by tag
 * worst_slice {name, pass_rate, n}                         see {@link TargetAggregate#worstSlice()}
 * fallback    {primary_failures, recovered, recovery_rate, …}  only with a fallback chain; see {@link FallbackJson}
 * </pre>
 *
 * <p>The k reported are {@link PassAtK#reportedK(int)}: {1, 3, 5, 10, repeat} with k ≤ repeat. Numbers
 * that have no value are JSON null: pass_rate.value and ci95 when there are no calls, a pass@k when no
 * case was run k times, ece and brier when no call stated a confidence, latency percentiles when no call
 * succeeded, cost per call with no calls, cost per success when no call passed, worst_slice when no call
 * had a tag. Non-integer numbers are rounded to {@value #SIGNIFICANT_DIGITS} significant digits (half
 * even); integers are exact. Stateless.
 */
public final class TargetSummaryJson {
    /** Significant digits of every non-integer number rendered. */
    public static final int SIGNIFICANT_DIGITS = 6;

    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double[] PERCENTILES = {50, 90, 95, 99};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p95", "p99"};

    private TargetSummaryJson() {}

    /**
     * The {@code targets} object: one {@link #render} per target, keyed by id, in the run aggregate's order.
     *
     * @param repeat runs per case the suite asked for (≥ 1); decides which k are reported
     */
    public static ObjectNode targets(RunAggregate run, int repeat) {
        return targets(run, repeat, Robustness.CONFIDENT);
    }

    /** As {@link #targets(RunAggregate, int)}, counting failed calls as confidently wrong from {@code confidentWrongAt}. */
    public static ObjectNode targets(RunAggregate run, int repeat, double confidentWrongAt) {
        ObjectNode out = JSON.objectNode();
        run.targets().forEach((id, target) -> out.set(id, render(target, repeat, confidentWrongAt)));
        return out;
    }

    /**
     * The {@code targets.<id>} object of one target.
     *
     * @param repeat runs per case the suite asked for (≥ 1); decides which k are reported
     */
    public static ObjectNode render(TargetAggregate a, int repeat) {
        return render(a, repeat, Robustness.CONFIDENT);
    }

    /** As {@link #render(TargetAggregate, int)}, counting failed calls as confidently wrong from {@code confidentWrongAt}. */
    public static ObjectNode render(TargetAggregate a, int repeat, double confidentWrongAt) {
        var ks = PassAtK.reportedK(repeat);
        ObjectNode out = JSON.objectNode();
        out.put("calls", a.calls());
        out.put("cases", a.cases());
        out.put("errors", a.errors());
        out.put("throttled", a.throttled());
        out.put("retries", a.retries());
        out.put("cached_calls", a.cachedCalls());

        ObjectNode passRate = out.putObject("pass_rate");
        passRate.put("value", a.calls() == 0 ? null : round((double) a.passes() / a.calls()));
        putCi95(passRate, a.passes(), a.calls());
        passRate.put("n", a.calls());
        passRate.put("passes", a.passes());

        var perCase = a.perCase().values();
        ObjectNode passAtK = out.putObject("pass_at_k");
        ObjectNode passAllK = out.putObject("pass_all_k");
        ObjectNode passKN = out.putObject("pass_k_n");
        for (int k : ks) {
            passAtK.put(Integer.toString(k), round(PassAtK.meanPassAtK(perCase, k)));
            passAllK.put(Integer.toString(k), round(PassAtK.meanPassAllK(perCase, k)));
            passKN.put(Integer.toString(k), PassAtK.eligibleCases(perCase, k));
        }

        Calibration calibration = a.calibration();
        ObjectNode cal = out.putObject("calibration");
        cal.put("ece", round(calibration.ece()));
        cal.put("brier", round(calibration.brier()));
        cal.put("n", calibration.n());

        LatencyHistogram latency = a.latency();
        ObjectNode lat = out.putObject("latency_ms");
        putPercentiles(lat, latency);
        lat.put("max", round(latency.maxMs()));
        lat.put("n", latency.count());

        LatencyHistogram ttft = a.ttft();
        if (ttft.count() > 0) {
            ObjectNode t = out.putObject("ttft_ms");
            putPercentiles(t, ttft);
            t.put("n", ttft.count());
        }

        ObjectNode tokens = out.putObject("tokens");
        tokens.put("input", a.inputTokens());
        tokens.put("output", a.outputTokens());
        if (a.tokenizerCounted() > 0) tokens.put("calls_counted_by_tokenizer", a.tokenizerCounted()); // absent when every count is the provider's

        ObjectNode cost = out.putObject("cost_usd");
        BigDecimal total = a.costUsd();
        cost.put("total", round(total));
        cost.put("per_call", a.calls() == 0 ? null : round(total.divide(BigDecimal.valueOf(a.calls()), MathContext.DECIMAL128)));
        cost.put("per_success", a.passes() == 0 ? null : round(total.divide(BigDecimal.valueOf(a.passes()), MathContext.DECIMAL128)));

        ObjectNode slices = out.putObject("slices");
        for (Map.Entry<String, Tally> e : a.slices().entrySet()) {
            Tally t = e.getValue();
            ObjectNode s = slices.putObject(e.getKey());
            s.put("n", t.n());
            s.put("pass_rate", t.n() == 0 ? null : round(t.passRate()));
            putCi95(s, t.passes(), t.n());
        }

        Optional<Slice> worst = a.worstSlice();
        if (worst.isEmpty()) {
            out.putNull("worst_slice");
        } else {
            ObjectNode w = out.putObject("worst_slice");
            w.put("name", worst.get().name());
            w.put("pass_rate", round(worst.get().tally().passRate()));
            w.put("n", worst.get().tally().n());
        }
        out.set("robustness", RobustnessJson.render(a.robustness(), a.calls(), confidentWrongAt));
        FallbackJson.put(out, a.fallback());
        return out;
    }

    /** {@code x} rounded to {@value #SIGNIFICANT_DIGITS} significant digits, half even. */
    public static double round(double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("not a finite number: " + x);
        return new BigDecimal(x).round(ROUNDING).doubleValue();
    }

    private static Double round(OptionalDouble x) {
        return x.isPresent() ? round(x.getAsDouble()) : null;
    }

    static double round(BigDecimal x) {
        return x.round(ROUNDING).doubleValue();
    }

    static void putCi95(ObjectNode node, long successes, long n) {
        if (n == 0) {
            node.putNull("ci95");
            return;
        }
        WilsonInterval ci = WilsonInterval.of(successes, n);
        ArrayNode array = node.putArray("ci95");
        array.add(round(ci.lo()));
        array.add(round(ci.hi()));
    }

    private static void putPercentiles(ObjectNode node, LatencyHistogram h) {
        for (int i = 0; i < PERCENTILES.length; i++) {
            node.put(PERCENTILE_NAMES[i], round(h.percentileMs(PERCENTILES[i])));
        }
    }
}
