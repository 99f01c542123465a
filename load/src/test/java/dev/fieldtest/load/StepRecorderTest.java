package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRecorderTest {
    private static final long MS = 1_000_000;

    /** A request intended at {@code intendedMs}, sent {@code lateMs} later, served in {@code serviceMs}. */
    static SentRequest request(String caseId, long intendedMs, long lateMs, double serviceMs, ErrorClass error, double cost, boolean measured) {
        Observation o = new Observation("t", caseId, 0, List.of(Message.user("q")), error == null ? "a" : null, new Usage(5, 3), serviceMs,
                null, List.of(), 1, error == ErrorClass.THROTTLED ? 1 : 0, error, error == null ? null : "failed", cost, "stop", "m");
        long send = (intendedMs + lateMs) * MS;
        return new SentRequest(intendedMs * MS, send, send, send + Math.round(serviceMs * MS), o, measured);
    }

    @Test
    void goodputCountsOnlySuccessesWithinEverySloOverAllSends() {
        var recorder = new StepRecorder(new Slo(100.0, null, null, 0.95, 0.05), 0, 1);
        recorder.window(0, 1_000 * MS);
        recorder.record(request("a", 0, 0, 50, null, 0.01, true));              // good
        recorder.record(request("b", 100, 60, 50, null, 0.01, true));           // corrected 110 ms > 100: not good
        recorder.record(request("c", 200, 0, 20, ErrorClass.THROTTLED, 0.0, true)); // failed: never good
        StepResult r = recorder.result(4, 1_000 * MS, 4, 0);                    // 4 sent, one never completed

        assertThat(r.good()).isEqualTo(1);
        assertThat(r.goodputShare()).isEqualTo(0.25);
        assertThat(r.errorRate()).isEqualTo(1.0 / 3);
        assertThat(r.throttled429()).isEqualTo(1);
        assertThat(r.errors()).containsExactlyEntriesOf(java.util.Map.of(ErrorClass.THROTTLED, 1L));
        // Cost of every measured call, failed ones included, over the two successes.
        assertThat(r.costPerSuccessUsd()).isCloseTo(0.01, within(1e-12));
        assertThat(r.outputTokens()).isEqualTo(9);
        assertThat(r.corrected().maxMs()).isCloseTo(110, within(0.1));
        assertThat(r.service().maxMs()).isCloseTo(50, within(0.1));
    }

    @Test
    void throughputCountsSuccessesCompletedInsideTheWindowWhenEverTheyWereSent() {
        var recorder = StepRecorder.plain();
        recorder.window(1_000 * MS, 3_000 * MS);
        recorder.record(request("warm", 900, 0, 200, null, 0, false));  // sent in warm-up, completes at 1.1 s: counts
        recorder.record(request("in", 1_500, 0, 100, null, 0, true));   // counts
        recorder.record(request("late", 2_950, 0, 100, null, 0, true)); // completes at 3.05 s: outside
        recorder.record(request("fail", 2_000, 0, 10, ErrorClass.SERVER_ERROR, 0, true));
        StepResult r = recorder.result(2, 2_000 * MS, 3, 0);

        assertThat(r.achievedRps()).isEqualTo(1.0);      // 2 successes in a 2 s window
        assertThat(r.succeeded()).isEqualTo(2);          // latency covers the measured ones
        assertThat(r.first().observation().caseId()).isEqualTo("warm");
        // 2 in-window successes over 3 sends intended in the window.
        assertThat(StepJudgement.achievedShare(r)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void theQualitySampleIsUniformOverSuccessfulMeasuredRequests() {
        // Reservoir sampling keeps each of n items with probability k/n: 10 of 100 → 0.1. Over 4,000 seeds each
        // item is expected 400 times, standard deviation sqrt(4000 · 0.1 · 0.9) ≈ 19; allow ±4 sd.
        int[] kept = new int[100];
        for (int seed = 0; seed < 4_000; seed++) {
            var recorder = new StepRecorder(Slo.NONE, 10, seed);
            for (int i = 0; i < 100; i++) recorder.record(request(Integer.toString(i), i, 0, 1, null, 0, true));
            recorder.record(request("failed", 0, 0, 1, ErrorClass.SERVER_ERROR, 0, true));
            recorder.record(request("warm-up", 0, 0, 1, null, 0, false));
            List<SentRequest> sample = recorder.result(1, MS, 102, 0).qualitySample();
            assertThat(sample).hasSize(10);
            sample.forEach(r -> kept[Integer.parseInt(r.observation().caseId())]++);
        }
        for (int count : kept) assertThat(count).isBetween(324, 476);
    }

    @Test
    void aTtftSloJudgesANonStreamingAnswerByItsWholeLatency() {
        var slo = new Slo(null, 80.0, null, 0.95, 0.05);
        assertThat(slo.isGood(request("a", 0, 0, 79, null, 0, true))).isTrue();
        assertThat(slo.isGood(request("a", 0, 0, 81, null, 0, true))).isFalse();
    }
}
