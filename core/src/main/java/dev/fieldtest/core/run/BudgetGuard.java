package dev.fieldtest.core.run;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the next call may start under a {@link Budget}: calls started so far (rows of a resumed run
 * included) against max_calls, cost of completed calls (the call's cost plus its judges', summed as in the
 * summary) against max_usd. Calls in flight are not charged until they complete, so they may overshoot
 * max_usd by at most concurrency calls. Thread-safe.
 */
public final class BudgetGuard {
    private final Budget budget;
    private int started;
    private BigDecimal spent = BigDecimal.ZERO;

    public BudgetGuard(Budget budget, List<ScoredCall> earlier) {
        this.budget = budget;
        earlier.forEach(this::spend);
        this.started = earlier.size();
    }

    /** Null when the next call may start (and counts it as started), else why the run stops here. */
    public synchronized String admit() {
        if (budget.maxCalls() != null && started >= budget.maxCalls()) {
            return "budget reached: max_calls " + budget.maxCalls() + " calls started";
        }
        // Compared to the nano-dollar, so five $0.01 calls reach max_usd 0.05 whatever binary fractions say.
        if (budget.maxUsd() != null && spent.setScale(9, java.math.RoundingMode.HALF_UP).compareTo(BigDecimal.valueOf(budget.maxUsd())) >= 0) {
            return String.format(Locale.ROOT, "budget reached: %s USD spent of max_usd %s", spent.setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                    BigDecimal.valueOf(budget.maxUsd()).stripTrailingZeros().toPlainString());
        }
        started++;
        return null;
    }

    /** Charges a completed call: its own cost and every judge's. */
    public synchronized void spend(ScoredCall call) {
        spent = spent.add(new BigDecimal(call.observation().costUsd()));
        for (Verdict v : call.verdicts()) spent = spent.add(new BigDecimal(v.costUsd()));
    }

    public synchronized BigDecimal spent() {
        return spent;
    }
}
