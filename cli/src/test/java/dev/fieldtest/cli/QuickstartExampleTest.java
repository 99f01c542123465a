package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.FakeOpenAiServer;
import dev.fieldtest.testkit.RuleResponder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/quickstart as README shows it: the stub server plays two models by its rules file, and the
 * suite runs against it over loopback HTTP. The expected numbers are worked out by hand from
 * examples/quickstart/stub-rules.yaml and cases.jsonl.
 */
class QuickstartExampleTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "quickstart");
    @TempDir Path dir;

    @Test
    void theQuickstartShowsEveryHeadlineNumberForBothModels() throws Exception {
        Path runDir = dir.resolve("quickstart");
        try (FakeOpenAiServer stub = FakeOpenAiServer.start(0, RuleResponder.load(EXAMPLE.resolve("stub-rules.yaml")))) {
            Env env = new Env(Map.of("FIELDTEST_STUB_URL", stub.baseUrl()));
            int code = new RunDriver(System.out, System.err, true).run(EXAMPLE.resolve("suite.yaml"), runDir, new RunDriver.Overrides(null, null), env);
            assertThat(code).isZero();
        }

        JsonNode targets = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("targets");
        JsonNode large = targets.path("acme-large");
        assertThat(large.path("calls").asInt()).isEqualTo(84);
        assertThat(large.path("pass_rate").path("value").asDouble()).isEqualTo(1.0);
        assertThat(large.path("ttft_ms").path("n").asInt()).isEqualTo(84); // it streams

        JsonNode small = targets.path("acme-small");
        // Per case of 3 runs: 19 cases always right (16 clean, the typo'd ones that keep a keyword: ship-05,
        // acct-05, acct-06), bill-07 1/3 (share 0.34), ship-07 2/3 (0.67), acct-07 1/3 (0.5), 6 never right.
        assertThat(small.path("pass_rate").path("value").asDouble()).isCloseTo(61 / 84.0, within(1e-5));
        assertThat(small.path("pass_at_k").path("3").asDouble()).isCloseTo(22 / 28.0, within(1e-5));
        assertThat(small.path("pass_all_k").path("3").asDouble()).isCloseTo(19 / 28.0, within(1e-5));
        // share 0.05 over its 88 requests (84 + 4 retries) throttles matches 19, 39, 59 and 79.
        assertThat(small.path("throttled").asInt()).isEqualTo(4);
        assertThat(small.path("retries").asInt()).isEqualTo(4);
        assertThat(small.path("errors").asInt()).isZero();
        assertThat(small.path("worst_slice").path("name").asText()).isEqualTo("paraphrase");
        assertThat(small.path("worst_slice").path("n").asInt()).isEqualTo(12);
        assertThat(small.path("worst_slice").path("pass_rate").asDouble()).isCloseTo(4 / 12.0, within(1e-5));
        // Stated confidence: 57 right at 0.9, 3 right at 0.6, 1 right at 0.55, 20 wrong at 0.85; ret-07 states none.
        assertThat(small.path("calibration").path("n").asInt()).isEqualTo(81);
        assertThat(small.path("calibration").path("ece").asDouble()).isCloseTo((57 * 0.1 + 3 * 0.4 + 0.45 + 20 * 0.85) / 81, within(1e-5));
        assertThat(small.path("calibration").path("brier").asDouble()).isCloseTo((57 * 0.01 + 3 * 0.16 + 0.2025 + 20 * 0.7225) / 81, within(1e-5));
        assertThat(Files.readString(runDir.resolve("report.md"))).contains("| acme-small | 84 | 72.6% (", "paraphrase 33.3% (n=12)");
    }
}
