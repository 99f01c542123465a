package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's main command, run for real: the support-desk suite on both embedded models. Retrieval results
 * cannot be worked out by hand, so the summary is checked against a second computation from
 * results.jsonl, and the behaviour each candidate was configured for is checked on its own.
 */
class DemoCommandTest {
    @TempDir static Path dir;
    static JsonNode targets;
    static List<ScoredCall> rows;

    @BeforeAll
    static void runTheDemo() throws Exception {
        System.setProperty("fieldtest.home", Path.of("..").toAbsolutePath().normalize().toString());
        Path runDir = dir.resolve("demo");
        assertThat(Main.execute("demo", "--out", runDir.toString())).isZero();
        targets = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("targets");
        rows = ResultsLog.readAll(runDir.resolve("results.jsonl"));
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("| minilm-cautious | 522 |", "| e5-eager | 522 |");
    }

    @Test
    void bothCandidatesHaveEveryCoreMetric() {
        assertThat(targets.fieldNames()).toIterable().containsExactly("minilm-cautious", "e5-eager");
        for (JsonNode t : targets) {
            assertThat(t.path("calls").asInt()).isEqualTo(174 * 3);
            for (String path : List.of("errors", "throttled", "retries", "pass_rate/value", "pass_rate/ci95", "pass_at_k/1", "pass_at_k/3",
                    "pass_all_k/1", "pass_all_k/3", "calibration/ece", "calibration/brier", "calibration/n", "latency_ms/p50", "latency_ms/p90",
                    "latency_ms/p95", "latency_ms/p99", "latency_ms/max", "tokens/input", "tokens/output", "cost_usd/total",
                    "cost_usd/per_call", "cost_usd/per_success", "slices/typo/ci95", "worst_slice/name")) {
                assertThat(t.at("/" + path).isMissingNode() || t.at("/" + path).isNull()).as(path).isFalse();
            }
            assertThat(t.path("cost_usd").path("per_success").asDouble()).as("per-second pricing").isPositive();
        }
    }

    @Test
    void theSummaryAgreesWithASecondComputationFromTheResultsFile() {
        Map<String, List<ScoredCall>> byTarget = rows.stream().collect(Collectors.groupingBy(r -> r.observation().targetId()));
        byTarget.forEach((target, calls) -> {
            JsonNode t = targets.path(target);
            double passRate = calls.stream().filter(ScoredCall::pass).count() / (double) calls.size();
            Map<String, Long> passesPerCase = calls.stream().collect(Collectors.groupingBy(r -> r.observation().caseId(),
                    Collectors.filtering(ScoredCall::pass, Collectors.counting())));
            // With n = 3 runs per case: pass@3 is "any of the 3 passed", pass^3 is "all 3 passed".
            double any = passesPerCase.values().stream().filter(c -> c > 0).count() / (double) passesPerCase.size();
            double all = passesPerCase.values().stream().filter(c -> c == 3).count() / (double) passesPerCase.size();
            assertThat(t.path("pass_rate").path("value").asDouble()).isCloseTo(passRate, within(1e-5));
            assertThat(t.path("pass_at_k").path("3").asDouble()).isCloseTo(any, within(1e-5));
            assertThat(t.path("pass_all_k").path("3").asDouble()).isCloseTo(all, within(1e-5));
            double brier = calls.stream().mapToDouble(r -> Math.pow(r.confidence() - (r.pass() ? 1 : 0), 2)).average().orElseThrow();
            assertThat(t.path("calibration").path("brier").asDouble()).isCloseTo(brier, within(1e-5));
        });
    }

    @Test
    void theGreedyCandidateRepeatsItselfAndTheSamplingOneDoesNot() {
        JsonNode cautious = targets.path("minilm-cautious");
        JsonNode eager = targets.path("e5-eager");
        assertThat(cautious.path("pass_at_k").path("3").asDouble()).isEqualTo(cautious.path("pass_all_k").path("3").asDouble());
        assertThat(eager.path("pass_at_k").path("3").asDouble()).isGreaterThan(eager.path("pass_all_k").path("3").asDouble());
    }

    @Test
    void abstentionsSayNoneAndStateTheirConfidence() {
        List<ScoredCall> abstained = rows.stream().filter(r -> r.observation().output().contains("(source: none,")).toList();
        assertThat(abstained).isNotEmpty().allSatisfy(r -> {
            assertThat(r.observation().output()).startsWith("I don't know");
            assertThat(r.confidence()).isBetween(0.0, 1.0);
        });
        // The cautious candidate abstains on more of the cases that expect it than the eager one.
        assertThat(targets.path("minilm-cautious").path("slices").path("none").path("pass_rate").asDouble())
                .isGreaterThan(targets.path("e5-eager").path("slices").path("none").path("pass_rate").asDouble());
    }
}
