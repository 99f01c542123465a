package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files: every kind read with its parameters, and every problem of a bad one located at file:line:column. */
class PlanReaderTest {
    @TempDir Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("plan.yaml"), yaml);
    }

    @Test
    void readsEveryKindWithItsTriggerAndParameters() throws Exception {
        Plan plan = PlanReader.read(write("""
                seed: 7
                faults:
                  - {kind: latency, ms: 200, jitter_ms: 50, share: 0.1}
                  - {kind: status, status: 429, retry_after: 2, every: 10}
                  - {kind: status, status: 503, window: {from: 30, to: 60}}
                  - {kind: timeout, every: 50}
                  - {kind: reset, share: 0.01}
                  - {kind: truncate, chunks: 3, share: 0.05}
                  - {kind: malformed, after: 2, share: 0.05}
                  - {kind: drip, ms: 80, share: 0.2}
                """));
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(plan.faults()).extracting(Fault::action).containsExactly(new Action.Latency(200, 50), new Action.Status(429, 2),
                new Action.Status(503, null), new Action.Timeout(), new Action.Reset(), new Action.Truncate(3), new Action.Malformed(2),
                new Action.Drip(80));
        assertThat(plan.faults().get(1).trigger()).isEqualTo(new Trigger(null, 10, null, null));
        assertThat(plan.faults().get(2).trigger()).isEqualTo(new Trigger(null, null, 30.0, 60.0));
        assertThat(plan.faults().get(7).index()).isEqualTo(7);
    }

    @Test
    void theExamplePlanOfTheDocsReadsAsEightFaults() {
        Plan plan = PlanReader.read(Path.of("../examples/chaos/plan.yaml"));
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(plan.faults()).extracting(f -> f.action().kind())
                .containsExactly("status", "status", "reset", "timeout", "truncate", "malformed", "latency", "drip");
        assertThat(plan.faults().get(3).trigger()).isEqualTo(new Trigger(null, null, 60.0, 75.0));
    }

    @Test
    void aBareListIsAPlanWithTheDefaultSeed() throws Exception {
        Plan plan = PlanReader.read(write("- {kind: reset, every: 2}\n"));
        assertThat(plan.seed()).isEqualTo(PlanReader.DEFAULT_SEED);
        assertThat(plan.faults()).hasSize(1);
    }

    @Test
    void everyProblemOfABadPlanIsReportedAtItsLineAndColumnWithAFix() throws Exception {
        Path file = write("""
                - {kind: latncy, ms: 200, share: 0.1}
                - {kind: status, status: 404, share: 0.5}
                - {kind: drip, ms: 50}
                - {kind: reset, share: 1.5, every: 2}
                - kind: truncate
                  chunks: 2
                  shar: 0.1
                """);
        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                    file + ":1:10: [0].kind must be one of drip, latency, malformed, reset, status, timeout, truncate, but was \"latncy\". Fix: did you mean \"latency\"?",
                    file + ":2:26: [1].status must be 429 or a 5xx, but was 404. Fix: use 429 for throttling or 500, 502, 503, 504 for server errors",
                    file + ":3:3: [2] says when to inject nothing. Fix: add `share: 0.1` (a share of requests), `every: 10` or `window: {from: 30, to: 60}`",
                    file + ":4:29: [3] has both share and every. Fix: keep one: share picks at random (seeded), every picks each N-th request",
                    file + ":4:24: [3].share must be a number from 0 to 1, but was 1.5",
                    file + ":7:3: unknown key 'shar' in [4]. Fix: did you mean 'share'?",
                    file + ":5:3: [4] says when to inject nothing. Fix: add `share: 0.1` (a share of requests), `every: 10` or `window: {from: 30, to: 60}`");
        });
    }

    @Test
    void brokenYamlIsReportedWhereTheParserStopped() throws Exception {
        Path file = write("- {kind: reset, every: 2\n- {kind: drip}\n");
        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems().get(0).toString()).startsWith(file + ":2:").contains("not valid YAML"));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsAProblem() throws Exception {
        Path file = write("- {kind: reset, window: {from: 60, to: 30}}\n");
        assertThatThrownBy(() -> PlanReader.read(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems().get(0).toString()).isEqualTo(file + ":1:25: [0].window.to (30.0) must be after from (60.0). Fix: raise to or lower from"));
    }
}
