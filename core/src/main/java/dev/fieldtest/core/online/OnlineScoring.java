package dev.fieldtest.core.online;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.run.CallScorer;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Scores sampled production spans one after another with the suite's {@link CallScorer} (the offline code), under
 * a grader budget: before each span, scoring stops when what was spent plus the dearest span so far would pass the
 * budget. The first span is always scored (nothing is known of its cost yet). One invocation per instance.
 */
public final class OnlineScoring {
    /** The run id the scored rows carry. */
    public static final String RUN_ID_PREFIX = "online:";

    private final CallScorer scorer;
    private final String suite;
    private final double budgetUsd;

    public OnlineScoring(CallScorer scorer, String suite, double budgetUsd) {
        this.scorer = scorer;
        this.suite = suite;
        this.budgetUsd = budgetUsd;
    }

    /** A scored span and what its checks' graders cost. */
    public record ScoredSpan(OnlineSpan span, ScoredCall call, double graderCostUsd) {}

    /** What happened to each span handed in. */
    public interface Listener {
        void scored(ScoredSpan scored);

        void skipped(OnlineSpan span, String reason);
    }

    /**
     * How an invocation ended.
     *
     * @param budgetStopped true when spans were left unscored because the next one could pass the budget (the spans
     *                      not looked at are the ones handed in minus {@code scored} minus {@code skipped}; they are not read)
     */
    public record Outcome(int scored, int skipped, double spentUsd, boolean budgetStopped) {}

    public Outcome run(Iterable<OnlineSpan> spans, Listener listener) {
        int scored = 0;
        int skipped = 0;
        double spent = 0;
        double dearest = 0;
        Iterator<OnlineSpan> it = spans.iterator();
        while (it.hasNext()) {
            if (spent + dearest > budgetUsd) return new Outcome(scored, skipped, spent, true);
            OnlineSpan span = it.next();
            SpanObservation.Converted c = SpanObservation.of(span);
            if (c.skipReason() != null) {
                skipped++;
                listener.skipped(span, c.skipReason());
                continue;
            }
            ScoredCall call = scorer.score(RUN_ID_PREFIX + suite, c.observation(), c.testCase());
            double cost = call.verdicts().stream().mapToDouble(Verdict::costUsd).sum();
            spent += cost;
            dearest = Math.max(dearest, cost);
            scored++;
            listener.scored(new ScoredSpan(span, call, cost));
        }
        return new Outcome(scored, skipped, spent, false);
    }

    /** Feeds each scored or skipped span to one consumer (for callers that only store). */
    public static Listener storing(Consumer<ScoredSpan> store) {
        return new Listener() {
            @Override
            public void scored(ScoredSpan s) {
                store.accept(s);
            }

            @Override
            public void skipped(OnlineSpan span, String reason) {}
        };
    }
}
