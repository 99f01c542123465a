package dev.fieldtest.junit;

import dev.fieldtest.api.Rate;
import dev.fieldtest.api.RunResult;
import dev.fieldtest.api.TargetResult;
import dev.fieldtest.core.stats.WilsonInterval;
import java.util.List;

/** After {@link RunAssert#passRateAtLeast}: the same bound, now required of the interval's lower end. */
public final class PassRateAssert extends RunAssert {
    private final double rate;

    PassRateAssert(RunResult result, List<TargetResult> targets, double rate) {
        super(result, targets);
        this.rate = rate;
    }

    /**
     * The lower bound of the two-sided Wilson score interval at {@code level} (0.95: z = Φ⁻¹(0.975) = 1.95996, the
     * interval summary.json reports) is at least the rate: with 9 of 10 passing, the 95% lower bound is 0.5958, so
     * a rate of 0.55 holds and 0.6 does not.
     */
    public RunAssert withConfidence(double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be between 0 and 1 (such as 0.95), but was " + level);
        double z = level == 0.95 ? WilsonInterval.Z95 : Normal.quantile(1 - (1 - level) / 2);
        for (TargetResult t : targets) {
            Rate r = t.passRate();
            if (r.n() == 0) fail(t, "a pass rate of at least " + num(rate) + " at " + pct(level) + " confidence, but it made no calls");
            WilsonInterval w = WilsonInterval.of(r.passes(), r.n(), z);
            if (w.lo() < rate) {
                fail(t, "a pass rate of at least " + num(rate) + " at " + pct(level) + " confidence (the Wilson interval's lower bound), but the lower bound was "
                        + num(w.lo()) + " (" + r.passes() + " of " + r.n() + " passed, " + pct(level) + " interval [" + num(w.lo()) + ", " + num(w.hi()) + "])");
            }
        }
        return new RunAssert(result, targets);
    }

    private static String pct(double level) {
        return (level * 100 == Math.rint(level * 100) ? String.valueOf((int) Math.rint(level * 100)) : String.valueOf(level * 100)) + "%";
    }
}
