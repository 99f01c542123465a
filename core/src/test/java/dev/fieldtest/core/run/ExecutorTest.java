package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.testing.EchoTargetFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {
    @TempDir Path dir;

    private static List<PlannedCall> plan(Target target, int cases, int repeats) {
        List<PlannedCall> calls = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < cases; i++) {
                Case c = new Case("c" + i, Map.of(), null, List.of(), Location.of(null));
                calls.add(new PlannedCall(target, c, r, List.of(Message.user("hello " + i))));
            }
        }
        return calls;
    }

    /** Sleeps a little per call and records the highest number of calls it saw at once. */
    private static final class SlowTarget implements Target {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        public String id() { return "slow"; }

        public Observation call(CallRequest r) throws InterruptedException {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(5);
            inFlight.decrementAndGet();
            return new Observation("slow", r.caseId(), r.repeatIndex(), r.messages(), "ok", null, 5, null, null, 1, 0, null, null, 0, null, null);
        }

        public Map<String, Object> describe() { return Map.of(); }
    }

    @Test
    void makesEveryPlannedCallOnceWithinTheConcurrencyBound() throws Exception {
        SlowTarget target = new SlowTarget();
        Path file = dir.resolve("results.jsonl");
        Set<String> heard = ConcurrentHashMap.newKeySet();
        RunOutcome outcome;
        try (ResultsLog log = new ResultsLog(file, 64, Duration.ofSeconds(1))) {
            outcome = new Executor(3, new CallScorer(List.of(), null), log,
                    c -> heard.add(c.observation().caseId() + "/" + c.observation().repeatIndex())).run("r1", plan(target, 20, 3));
        }
        assertThat(outcome.completed()).isEqualTo(60);
        assertThat(outcome.aborted()).isFalse();
        assertThat(target.peak.get()).isBetween(2, 3);
        List<ScoredCall> rows = ResultsLog.readAll(file);
        assertThat(rows).hasSize(60);
        assertThat(rows.stream().map(s -> s.observation().caseId() + "/" + s.observation().repeatIndex()).distinct()).hasSize(60);
        assertThat(heard).hasSize(60);
    }

    @Test
    void abortsWhenATargetRefusesItsFirstCalls() throws IOException, InterruptedException {
        Target refusing = EchoTargetFactory.echo("bad", ErrorClass.CLIENT_ERROR);
        RunOutcome outcome;
        try (ResultsLog log = new ResultsLog(dir.resolve("results.jsonl"), 64, Duration.ofSeconds(1))) {
            outcome = new Executor(1, new CallScorer(List.of(), null), log, RunListener.NONE).run("r1", plan(refusing, 100, 1));
        }
        assertThat(outcome.aborted()).isTrue();
        assertThat(outcome.abortReason()).contains("target bad", "client_error", "check its base_url");
        assertThat(outcome.completed()).isEqualTo(Defaults.ABORT_AFTER_FAILED_CALLS);
    }

    @Test
    void anAbortFromOutsideStopsNewCallsAndKeepsCompletedRows() throws Exception {
        Path file = dir.resolve("results.jsonl");
        try (ResultsLog log = new ResultsLog(file, 64, Duration.ofSeconds(1))) {
            AtomicInteger seen = new AtomicInteger();
            Executor[] self = new Executor[1];
            self[0] = new Executor(2, new CallScorer(List.of(), null), log, c -> {
                if (seen.incrementAndGet() == 10) self[0].abort("interrupted by the user");
            });
            RunOutcome outcome = self[0].run("r1", plan(new SlowTarget(), 200, 1));
            assertThat(outcome.abortReason()).isEqualTo("interrupted by the user");
            assertThat(outcome.completed()).isBetween(10, 12);
        }
        assertThat(ResultsLog.readAll(file).size()).isBetween(10, 12);
    }
}
