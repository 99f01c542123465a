package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner against an in-process target whose timings are known exactly. */
@Timeout(10)
class OpenLoopRunnerTest {
    @TempDir Path dir;

    static final List<CallRequest> INPUTS = List.of(new CallRequest("a", 0, List.of(Message.user("a"))), new CallRequest("b", 0, List.of(Message.user("b"))));

    static Observation ok(CallRequest r, double latencyMs, Double ttftMs, List<Double> chunkMs, Usage usage) {
        return new Observation("fixed", r.caseId(), 0, r.messages(), "x", usage, latencyMs, ttftMs, chunkMs, 1, 0, null, null, 0, "stop", "m");
    }

    @Test
    void streamingTimingsGiveTtftItlAndTpotAsDefined() throws Exception {
        // Chunks at 100, 110, 130, 160 ms with 4 output tokens: ITL 10, 20, 30 ms; TPOT (160 − 100) / (4 − 1) = 20 ms.
        var target = new FixedTarget(0, r -> ok(r, 170, 100.0, List.of(100.0, 110.0, 130.0, 160.0), new Usage(10, 4)));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(100), OpenLoopRunner.Settings.of(Duration.ofMillis(200)),
                OpenLoopRunner.cycling(INPUTS)).run();

        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(20);
        assertThat(result.achievedRps()).isCloseTo(100, within(1e-9));
        assertThat(result.service().p50Ms()).isCloseTo(170, within(0.2));
        assertThat(result.serviceTtftSummary().p50Ms()).isCloseTo(100, within(0.1));
        assertThat(result.serviceTtftSummary().n()).isEqualTo(20);
        assertThat(result.tpotSummary().n()).isEqualTo(20);
        assertThat(result.tpotSummary().p50Ms()).isCloseTo(20, within(0.02));
        assertThat(result.tpotSummary().maxMs()).isCloseTo(20, within(0.02));
        assertThat(result.itlSummary().n()).isEqualTo(60);
        assertThat(result.itl().getCountAtValue(10_000)).isEqualTo(20);
        assertThat(result.itl().getCountAtValue(20_000)).isEqualTo(20);
        assertThat(result.itl().getCountAtValue(30_000)).isEqualTo(20);
        // Corrected is never below service; TTFT corrected likewise.
        assertThat(result.corrected().p50Ms()).isGreaterThanOrEqualTo(result.service().p50Ms());
        assertThat(result.correctedTtftSummary().p50Ms()).isGreaterThanOrEqualTo(result.serviceTtftSummary().p50Ms());
    }

    @Test
    void tpotNeedsMoreThanOneOutputToken() {
        CallRequest r = INPUTS.get(0);
        assertThat(StepRecorder.tpotMicros(ok(r, 10, 5.0, List.of(5.0), new Usage(3, 1)))).isNull();
        assertThat(StepRecorder.tpotMicros(ok(r, 10, 5.0, List.of(5.0, 9.0), null))).isNull();
        assertThat(StepRecorder.tpotMicros(ok(r, 10, 5.0, List.of(5.0, 9.0), new Usage(3, 5)))).isEqualTo(1_000);
    }

    @Test
    void warmUpAndCoolDownAreSentButNotMeasured() throws Exception {
        var target = new FixedTarget(1, r -> ok(r, 1, null, null, null));
        var settings = OpenLoopRunner.Settings.of(Duration.ofMillis(1500)).withWarmUp(Duration.ofMillis(500)).withCoolDown(Duration.ofMillis(250));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(40), settings, OpenLoopRunner.cycling(INPUTS)).run();

        assertThat(target.calls.get()).isEqualTo(60); // offsets 0, 25, …, 1475 ms
        assertThat(result.sent()).isEqualTo(30);      // intended in [500, 1250) ms
        assertThat(result.completed()).isEqualTo(30);
        assertThat(result.service().n()).isEqualTo(30);
        assertThat(result.sendLagSummary().n()).isEqualTo(30);
        assertThat(result.windowSeconds()).isCloseTo(0.75, within(1e-9));
        assertThat(result.achievedRps()).isCloseTo(40, within(1e-9));
    }

    @Test
    void aSlowTargetDoesNotDelayLaterSends() throws Exception {
        // Every call takes 300 ms; at 50 rps an open-loop runner keeps ~15 in flight and still sends on time.
        var target = new FixedTarget(300, r -> ok(r, 300, null, null, null));
        long start = System.nanoTime();
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(50), OpenLoopRunner.Settings.of(Duration.ofSeconds(1)),
                OpenLoopRunner.cycling(INPUTS)).run();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.sent()).isEqualTo(50);
        assertThat(result.completed()).isEqualTo(50);
        assertThat(result.sendLagSummary().p50Ms()).isLessThan(1.0);
        assertThat(elapsedMs).isBetween(1_000L, 3_000L); // last send at 980 ms + 300 ms, not 50 × 300 ms
    }

    @Test
    void aStepRecordsTheSendLagOfEverySendAndJudgesValidityByIt() throws Exception {
        // Whether a step on a shared 2-core machine is valid is a measurement (docs/load.md), not something a
        // unit test may assert; what must hold is that every measured send's lag is recorded and the rule applied.
        var target = new FixedTarget(5, r -> ok(r, 5, null, null, null));
        var settings = OpenLoopRunner.Settings.of(Duration.ofMillis(1500)).withWarmUp(Duration.ofMillis(500));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(100), settings, OpenLoopRunner.cycling(INPUTS)).run();
        assertThat(result.sendLagSummary().n()).isEqualTo(100);
        assertThat(result.valid()).isEqualTo(result.sendLagOverOneMsShare() <= 0.01);
        if (!result.valid()) assertThat(result.invalidReason()).contains("sends");
    }

    @Test
    void stopReturnsWhatWasMeasuredSoFar() throws Exception {
        var target = new FixedTarget(20, r -> ok(r, 20, null, null, null));
        var runner = new OpenLoopRunner(target, new Schedule.ConstantRate(100), OpenLoopRunner.Settings.of(Duration.ofSeconds(60)),
                OpenLoopRunner.cycling(INPUTS));
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            runner.stop();
        });
        long start = System.nanoTime();
        var result = runner.run();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isLessThan(2_000);
        assertThat(result.sent()).isBetween(20L, 60L);
        assertThat(result.completed()).isLessThanOrEqualTo(result.sent()).isGreaterThan(10);
    }

    @Test
    void maxRequestsBoundsTheStep() throws Exception {
        var target = new FixedTarget(0, r -> ok(r, 1, null, null, null));
        var s = new OpenLoopRunner.Settings(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, 25, Integer.MAX_VALUE, Duration.ofSeconds(5));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(1000), s, OpenLoopRunner.cycling(INPUTS)).run();
        assertThat(target.calls.get()).isEqualTo(25);
        assertThat(result.sent()).isEqualTo(25);
    }

    @Test
    void errorsAreCountedByClassAndKeptOutOfLatency() throws Exception {
        var target = new FixedTarget(0, r -> r.caseId().equals("a")
                ? ok(r, 2, null, null, null)
                : new Observation("fixed", r.caseId(), 0, r.messages(), null, null, 1, null, null, 1, 1, ErrorClass.THROTTLED, "429", 0, null, null));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(100), OpenLoopRunner.Settings.of(Duration.ofMillis(200)),
                OpenLoopRunner.cycling(INPUTS)).run();
        assertThat(result.completed()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(10);
        assertThat(result.errors()).containsExactly(java.util.Map.entry(ErrorClass.THROTTLED, 10L));
        assertThat(result.throttled429()).isEqualTo(10);
        assertThat(result.service().n()).isEqualTo(10);
    }

    @Test
    void aStepIsInvalidWhenMoreThanOnePercentOfSendsAreOverOneMillisecondLate() {
        List<Long> onePercentLate = new java.util.ArrayList<>(java.util.Collections.nCopies(99, 200L));
        onePercentLate.add(5_000L);
        assertThat(withLags(onePercentLate).valid()).isTrue();
        List<Long> twoPercentLate = new java.util.ArrayList<>(java.util.Collections.nCopies(98, 200L));
        twoPercentLate.addAll(List.of(1_001L, 9_000L));
        StepResult r = withLags(twoPercentLate);
        assertThat(r.valid()).isFalse();
        assertThat(r.sendLagOverOneMsShare()).isEqualTo(0.02);
        assertThat(r.invalidReason()).contains("2 of 100 sends (2.0%)");
        // Exactly 1 ms is not over 1 ms.
        assertThat(withLags(List.of(1_000L, 1_000L)).valid()).isTrue();
    }

    private static StepResult withLags(List<Long> lagMicros) {
        StepRecorder recorder = StepRecorder.plain();
        lagMicros.forEach(recorder::recordSendLag);
        return recorder.result(10, 1_000_000_000L, lagMicros.size(), 0);
    }

    @Test
    void histogramsRoundTripThroughTheHdrHistogramLogFormat() throws Exception {
        var target = new FixedTarget(0, r -> ok(r, 12.5, 3.0, List.of(3.0, 5.0, 8.0), new Usage(1, 3)));
        var result = new OpenLoopRunner(target, new Schedule.ConstantRate(100), OpenLoopRunner.Settings.of(Duration.ofMillis(100)),
                OpenLoopRunner.cycling(INPUTS)).run();
        Path log = dir.resolve("step.hlog");
        result.writeHistogramLog(log);

        var read = new java.util.LinkedHashMap<String, Histogram>();
        try (var reader = new HistogramLogReader(log.toFile())) {
            for (int i = 0; i < 20 && reader.hasNext(); i++) {
                Histogram h = (Histogram) reader.nextIntervalHistogram();
                if (h == null) break;
                read.put(h.getTag(), h);
            }
        }
        assertThat(read.keySet()).containsExactly("corrected", "service", "ttft_corrected", "ttft_service", "itl", "tpot", "send_lag");
        assertThat(read.get("service").getTotalCount()).isEqualTo(10);
        assertThat(read.get("itl").getTotalCount()).isEqualTo(20);
        assertThat(read.get("service").getValueAtPercentile(50)).isEqualTo(result.serviceLatency().getValueAtPercentile(50));
        assertThat(Files.readString(log)).contains("values in microseconds");
    }
}
