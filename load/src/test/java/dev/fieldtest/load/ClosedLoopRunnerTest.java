package dev.fieldtest.load;

import static dev.fieldtest.load.OpenLoopRunnerTest.INPUTS;
import static dev.fieldtest.load.OpenLoopRunnerTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ClosedLoopRunnerTest {
    @Test
    void usersWaitForTheirAnswersSoThroughputIsUsersOverServiceTime() throws Exception {
        // 4 users, 20 ms per call: at most 4 / 0.020 s = 200 calls/s; thread hand-offs only lower it.
        var target = new FixedTarget(20, r -> ok(r, 20, null, null, null));
        var settings = OpenLoopRunner.Settings.of(Duration.ofMillis(2_500)).withWarmUp(Duration.ofMillis(500));
        var recorder = StepRecorder.plain();
        StepResult r = new ClosedLoopRunner(target, 4, settings, OpenLoopRunner.cycling(INPUTS), recorder, x -> {}).run();

        assertThat(r.achievedRps()).isBetween(130.0, 201.0);
        assertThat(r.sent()).isBetween(260L, 402L);
        // Never more than 4 at once, so no call was sent late: corrected and service latency are the same numbers.
        assertThat(r.corrected().p99Ms()).isEqualTo(r.service().p99Ms());
        assertThat(r.valid()).isTrue();
        assertThat(Double.isNaN(r.offeredRps())).isTrue();
    }

    @Test
    void stopEndsAStepWhoseUsersAreStuckOnSlowCalls() throws Exception {
        var target = new FixedTarget(60_000, r -> ok(r, 1, null, null, null));
        var runner = new ClosedLoopRunner(target, 2, OpenLoopRunner.Settings.of(Duration.ofSeconds(60)), OpenLoopRunner.cycling(INPUTS),
                StepRecorder.plain(), x -> {});
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            runner.stop();
        });
        long start = System.nanoTime();
        StepResult r = runner.run();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(r.completed()).isZero();
        assertThat(runner.sent()).isEqualTo(2);
    }
}
