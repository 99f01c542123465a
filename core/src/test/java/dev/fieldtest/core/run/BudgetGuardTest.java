package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget under concurrency and after a resume: what counts, when calls stop, and what happens to calls in flight. */
class BudgetGuardTest {
    @TempDir Path dir;

    /** Every call costs $0.01 and takes 20 ms, so several are in flight when the budget is reached. */
    private static final class PricedTarget implements Target {
        final AtomicInteger calls = new AtomicInteger();

        public String id() { return "t"; }

        public Observation call(CallRequest r) throws InterruptedException {
            calls.incrementAndGet();
            Thread.sleep(20);
            return observation(r.caseId(), r.repeatIndex(), 0.01);
        }

        public Map<String, Object> describe() { return Map.of(); }
    }

    private static Observation observation(String caseId, int repeat, double cost) {
        return new Observation("t", caseId, repeat, List.of(Message.user("hi")), "ok", null, 20, null, null, 1, 0, null, null, cost, null, null);
    }

    private static List<PlannedCall> plan(Target t, int n) {
        List<PlannedCall> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) calls.add(new PlannedCall(t, new Case("c" + i, Map.of(), null, List.of(), Location.of(null)), 0, List.of(Message.user("hi"))));
        return calls;
    }

    private RunOutcome run(Budget budget, int concurrency, List<ScoredCall> earlier, PricedTarget t, int planned) throws Exception {
        try (ResultsLog log = new ResultsLog(dir.resolve("results.jsonl"), 64, Duration.ofSeconds(1))) {
            return new Executor(concurrency, new CallScorer(List.of(), null), log, RunListener.NONE)
                    .withBudget(new BudgetGuard(budget, earlier)).run("r", plan(t, planned));
        }
    }

    @Test
    void maxCallsIsExactEvenWithFourCallsInFlight() throws Exception {
        PricedTarget t = new PricedTarget();
        RunOutcome o = run(new Budget(null, 7), 4, List.of(), t, 20);

        assertThat(t.calls.get()).isEqualTo(7);
        assertThat(o.completed()).isEqualTo(7);
        assertThat(ResultsLog.readAll(dir.resolve("results.jsonl"))).hasSize(7);
        assertThat(o.partial()).isTrue();
        assertThat(o.aborted()).isFalse();
    }

    @Test
    void maxUsdLetsCallsInFlightFinishAndKeepsThem() throws Exception {
        // $0.01 a call, max $0.05: calls are charged when they complete, so at most 4 in flight when the 5th completes;
        // at least 5 calls and at most 5 + 3 = 8, every one of them in results.jsonl.
        PricedTarget t = new PricedTarget();
        RunOutcome o = run(new Budget(0.05, null), 4, List.of(), t, 40);

        assertThat(t.calls.get()).isBetween(5, 8);
        assertThat(ResultsLog.readAll(dir.resolve("results.jsonl"))).hasSize(t.calls.get());
        assertThat(o.partialReason()).startsWith("budget reached: ").endsWith(" USD spent of max_usd 0.05");
    }

    @Test
    void aResumedRunCountsTheCallsAndCostAlreadyMade() {
        ScoredCall judged = new ScoredCall("r", observation("a", 0, 0.02), List.of(new Verdict("judge", true, "ok", 1.0, true, List.of(), null, 0.01)), List.of(), true, null);
        ScoredCall plain = new ScoredCall("r", observation("b", 0, 0.02), List.of(), List.of(), true, null);

        BudgetGuard calls = new BudgetGuard(new Budget(null, 4), List.of(judged, plain));
        assertThat(calls.admit()).isNull();
        assertThat(calls.admit()).isNull();
        assertThat(calls.admit()).isEqualTo("budget reached: max_calls 4 calls started");

        // spent so far: 0.02 + 0.01 (judge) + 0.02 = 0.05, which reaches max_usd 0.05 exactly; 0.06 is not reached
        BudgetGuard usd = new BudgetGuard(new Budget(0.05, null), List.of(judged, plain));
        assertThat(usd.spent().doubleValue()).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(usd.admit()).isEqualTo("budget reached: 0.05 USD spent of max_usd 0.05");
        assertThat(new BudgetGuard(new Budget(0.06, null), List.of(judged, plain)).admit()).isNull();
    }
}
