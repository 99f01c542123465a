package dev.fieldtest.junit;

import dev.fieldtest.api.Rate;
import dev.fieldtest.api.RunResult;
import dev.fieldtest.api.TargetResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions over a run's targets (every target unless narrowed with {@link #target}); each checks at once and
 * fails with an {@link AssertionFailedError} that lists the failing cases. Rates are shares from 0 to 1.
 */
public class RunAssert {
    final RunResult result;
    final List<TargetResult> targets;

    RunAssert(RunResult result, List<TargetResult> targets) {
        this.result = result;
        this.targets = List.copyOf(targets);
    }

    /** Narrows the following assertions to one target. */
    public RunAssert target(String id) {
        return new RunAssert(result, List.of(result.target(id)));
    }

    /**
     * The pass rate (passing calls ÷ calls) of each target is at least {@code rate}. Follow with
     * {@link PassRateAssert#withConfidence} to require the Wilson interval's lower bound to be at least {@code rate}.
     */
    public PassRateAssert passRateAtLeast(double rate) {
        share("rate", rate);
        for (TargetResult t : targets) {
            Rate r = t.passRate();
            if (r.value() == null || r.value() < rate) {
                fail(t, "a pass rate of at least " + num(rate) + ", but it was " + (r.value() == null ? "unknown (no calls)" : num(r.value()))
                        + " (" + r.passes() + " of " + r.n() + " passed)");
            }
        }
        return new PassRateAssert(result, targets, rate);
    }

    /** The 95th percentile latency of each target's successful calls is below {@code limit}. */
    public RunAssert latencyP95Below(Duration limit) {
        for (TargetResult t : targets) {
            Double p95 = t.latencyMs().p95();
            if (p95 == null || p95 >= limit.toNanos() / 1e6) {
                fail(t, "a p95 latency below " + limit.toNanos() / 1e6 + " ms, but it was " + (p95 == null ? "unknown (no call succeeded)" : p95 + " ms")
                        + " over " + t.latencyMs().n() + " successful calls");
            }
        }
        return this;
    }

    /** Each target's cost per success (all calls' cost ÷ passing calls, in USD) is below {@code usd}; fails when nothing passed. */
    public RunAssert costPerSuccessBelow(double usd) {
        for (TargetResult t : targets) {
            Double c = t.costPerSuccess();
            if (c == null || c >= usd) {
                fail(t, "a cost per success below " + usd + " USD, but it was " + (c == null ? "unknown (no call passed)" : c + " USD")
                        + " (" + t.costUsd().total() + " USD over " + t.passRate().passes() + " passing calls)");
            }
        }
        return this;
    }

    /** Every slice (case tag) of each target has a pass rate of at least {@code rate}. */
    public RunAssert noSliceBelow(double rate) {
        share("rate", rate);
        for (TargetResult t : targets) {
            for (Map.Entry<String, Rate> s : t.slices().entrySet()) {
                Rate r = s.getValue();
                if (r.value() == null || r.value() < rate) {
                    fail(t, "no slice with a pass rate below " + num(rate) + ", but slice \"" + s.getKey() + "\" had "
                            + (r.value() == null ? "no calls" : num(r.value()) + " (" + r.passes() + " of " + r.n() + " passed)"));
                }
            }
        }
        return this;
    }

    /** Every property of the suite ({@code properties:}, docs/ci.md) passed. */
    public RunAssert propertiesHold() {
        var broken = result.properties().stream().filter(p -> !p.passed()).toList();
        if (!broken.isEmpty()) {
            throw new AssertionFailedError("Expected every property of the suite to pass, but " + broken.size() + " did not:\n  - "
                    + String.join("\n  - ", broken.stream().map(p -> p.name() + " (" + p.metric() + "): " + p.status() + ", " + p.reason()).toList()));
        }
        return this;
    }

    final void fail(TargetResult t, String what) {
        throw new AssertionFailedError("Expected target \"" + t.id() + "\" to have " + what + FailingCases.of(t)
                + result.directory().map(d -> "\nRun directory: " + d).orElse(""));
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be a share from 0 to 1, but was " + v);
    }
}
