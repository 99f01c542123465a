package dev.fieldtest.load;

import dev.fieldtest.core.config.Defaults;
import java.util.ArrayList;
import java.util.List;

/** Says which SLOs and limits a step broke, one plain sentence each (docs/load-json.md, "Collapse"). Pure. */
final class StepJudgement {
    private StepJudgement() {}

    static List<String> breaks(StepPlan plan, StepResult r, Slo slo) {
        List<String> out = new ArrayList<>();
        if (r.sent() == 0) {
            out.add("no request was sent in the measurement window");
            return out;
        }
        if (plan instanceof StepPlan.Open && achievedShare(r) < Defaults.LOAD_MIN_ACHIEVED_SHARE) {
            out.add("achieved " + LoadFormat.percent(achievedShare(r)) + " of the offered rate (below "
                    + LoadFormat.percent(Defaults.LOAD_MIN_ACHIEVED_SHARE) + ")");
        }
        if (r.goodputShare() < slo.goodput()) {
            out.add("goodput " + LoadFormat.percent(r.goodputShare()) + " is below the SLO target " + LoadFormat.percent(slo.goodput()));
        }
        if (r.errorRate() > slo.maxErrorRate()) {
            out.add("error rate " + LoadFormat.percent(r.errorRate()) + " is above the limit " + LoadFormat.percent(slo.maxErrorRate()));
        }
        return out;
    }

    /**
     * The achieved rate over the rate the schedule really offered in the window (sends intended there ÷ window): a
     * Poisson step's count differs from rate × window by chance, and this share does not carry that noise.
     */
    static double achievedShare(StepResult r) {
        return r.sent() == 0 ? 0 : r.achievedRps() * r.windowSeconds() / r.sent();
    }
}
