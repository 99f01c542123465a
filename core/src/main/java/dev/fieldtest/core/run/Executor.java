package dev.fieldtest.core.run;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.config.Defaults;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs planned calls with at most {@code concurrency} in flight. Each call is scored and appended to the
 * results log before anyone else hears of it. {@link #abort} (Ctrl-C, a failed write, or a target whose
 * first {@link Defaults#ABORT_AFTER_FAILED_CALLS} calls are all refused) stops new calls and interrupts the
 * ones in flight; what completed stays in the log. One run per instance.
 */
public final class Executor {
    private static final java.util.Set<ErrorClass> REFUSED = java.util.EnumSet.of(ErrorClass.CLIENT_ERROR, ErrorClass.CONNECTION);

    private final int concurrency;
    private final CallScorer scorer;
    private final ResultsLog log;
    private final RunListener listener;
    private final AtomicReference<String> abortReason = new AtomicReference<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final Map<String, TargetHealth> health = new ConcurrentHashMap<>();
    private volatile ExecutorService pool;
    private volatile BudgetGuard budget;

    public Executor(int concurrency, CallScorer scorer, ResultsLog log, RunListener listener) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, but was " + concurrency);
        this.concurrency = concurrency;
        this.scorer = scorer;
        this.log = log;
        this.listener = listener;
    }

    /** Calls start only while {@code guard} admits them; a budget stop is a clean end (partial), not an abort. */
    public Executor withBudget(BudgetGuard guard) {
        this.budget = guard;
        return this;
    }

    public RunOutcome run(String runId, List<PlannedCall> plan) throws InterruptedException {
        long start = System.nanoTime();
        String partial = null;
        Semaphore permits = new Semaphore(concurrency);
        pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (PlannedCall call : plan) {
                permits.acquire();
                if (abortReason.get() != null) break;
                if (budget != null && (partial = budget.admit()) != null) {
                    permits.release();
                    break; // calls in flight finish and are kept
                }
                try {
                    pool.execute(() -> {
                        try {
                            runOne(runId, call);
                        } finally {
                            permits.release();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    break; // aborted between the check and the submit
                }
            }
        } finally {
            pool.shutdown();
            // In-flight calls end on their own, or are interrupted by abort(); their target's timeout bounds the wait.
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                if (abortReason.get() != null) pool.shutdownNow();
            }
        }
        return new RunOutcome(plan.size(), completed.get(), Duration.ofNanos(System.nanoTime() - start), abortReason.get(), partial);
    }

    /** Stops the run: no new calls start and calls in flight are interrupted. The first reason wins. */
    public void abort(String reason) {
        if (abortReason.compareAndSet(null, reason) && pool != null) pool.shutdownNow();
    }

    private void runOne(String runId, PlannedCall call) {
        Observation o;
        try {
            o = call.target().call(new CallRequest(call.testCase().id(), call.repeatIndex(), call.messages()));
        } catch (InterruptedException e) {
            return; // aborted: the call never completed, so it is not recorded and a resume will make it
        } catch (RuntimeException e) {
            abort("target " + call.target().id() + " failed unexpectedly: " + e);
            return;
        }
        ScoredCall scored = scorer.score(runId, o, call.testCase(), call.variant());
        try {
            log.append(scored);
        } catch (IOException e) {
            abort("cannot write results.jsonl: " + e.getMessage());
            return;
        }
        completed.incrementAndGet();
        if (budget != null) budget.spend(scored);
        listener.onCall(scored);
        watchHealth(o);
    }

    /** A target that refuses every one of its first calls is misconfigured; burning the rest helps nobody. */
    private void watchHealth(Observation o) {
        TargetHealth h = health.computeIfAbsent(o.targetId(), id -> new TargetHealth());
        if (o.succeeded() || !REFUSED.contains(o.error())) {
            h.served.set(true);
        } else if (!h.served.get() && h.refused.incrementAndGet() >= Defaults.ABORT_AFTER_FAILED_CALLS) {
            abort("target " + o.targetId() + ": its first " + Defaults.ABORT_AFTER_FAILED_CALLS + " calls all failed ("
                    + o.error().wireName() + ": " + o.errorMessage() + "); check its base_url, model and api_key");
        }
    }

    private static final class TargetHealth {
        final AtomicInteger refused = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean served = new java.util.concurrent.atomic.AtomicBoolean();
    }
}
