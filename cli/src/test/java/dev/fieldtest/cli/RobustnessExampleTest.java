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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/robustness as docs/robustness.md shows it: every robustness feature in one run, against a local
 * retrieval assistant (minilm-qa) and a chatty model and its judge, both played by the stub server from
 * examples/robustness/stub-rules.yaml.
 *
 * <p>The counts, from cases.jsonl: 24 cases, 18 expecting {@code answer}, 4 {@code abstain}, 2 {@code clarify};
 * 6 variants per case (typos, case, homoglyphs, rephrase, injection, ambiguous); repeat 2. So each target makes
 * 24 × (1 + 6) × 2 = 336 calls, and each variant has 24 × 2 = 48 calls, every one paired with its original.
 */
class RobustnessExampleTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "robustness");
    private static final List<String> VARIANTS = List.of("typos", "case", "homoglyphs", "rephrase", "injection", "ambiguous");
    private static final String KB_URL = "https://help.northwind.example/kb/article-4471";
    private static final String PROGRAMME_URL = "https://help.northwind.example/returns/extended-programme";
    @TempDir static Path dir;
    private static JsonNode targets;
    private static String report;

    @BeforeAll
    static void run() throws Exception {
        Path runDir = dir.resolve("robustness");
        long started = System.nanoTime();
        try (FakeOpenAiServer stub = FakeOpenAiServer.start(0, RuleResponder.load(EXAMPLE.resolve("stub-rules.yaml")))) {
            Env env = new Env(Map.of("FIELDTEST_STUB_URL", stub.baseUrl()));
            int code = new RunDriver(System.out, System.err, true).run(EXAMPLE.resolve("suite.yaml"), runDir, new RunDriver.Overrides(null, null), env);
            assertThat(code).isZero();
        }
        assertThat((System.nanoTime() - started) / 1e9).as("seconds for the whole example").isLessThan(30);
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("complete");
        targets = summary.path("targets");
        report = Files.readString(runDir.resolve("report.md"));
    }

    @Test
    void everyVariantIsMeasuredForBothTargets() {
        for (String id : List.of("minilm-qa", "chatty")) {
            JsonNode t = targets.path(id);
            assertThat(t.path("calls").asInt()).as(id).isEqualTo(336);
            assertThat(t.path("errors").asInt()).as(id).isZero();
            JsonNode byVariant = t.path("robustness").path("by_variant");
            assertThat(byVariant.size()).as(id).isEqualTo(VARIANTS.size());
            for (String v : VARIANTS) {
                JsonNode variant = byVariant.path(v);
                assertThat(variant.path("n").asInt()).as(id + " " + v).isEqualTo(24 * 2);
                assertThat(variant.path("pairs").asInt()).as(id + " " + v).isEqualTo(24 * 2);
                assertThat(variant.path("flip_rate").isNumber()).as(id + " " + v + " flip_rate").isTrue();
                assertThat(variant.path("pass_rate").isNumber()).as(id + " " + v + " pass_rate").isTrue();
            }
            JsonNode mostHarmful = t.path("robustness").path("most_harmful");
            assertThat(VARIANTS).as(id).contains(mostHarmful.path("variant").asText());
            assertThat(mostHarmful.path("flip_rate").asDouble()).as(id)
                    .isEqualTo(byVariant.path(mostHarmful.path("variant").asText()).path("flip_rate").asDouble());
        }
        // MiniLM's tokenizer lower-cases every text, so `case: lower` gives minilm-qa the same embedding, the
        // same answer and the same verdicts (the judge grades by the answer alone): no flips, no score change.
        JsonNode lower = targets.path("minilm-qa").path("robustness").path("by_variant").path("case");
        assertThat(lower.path("flips").asInt()).isZero();
        assertThat(lower.path("flip_rate").asDouble()).isZero();
        assertThat(lower.path("mean_abs_score_change").asDouble()).isZero();
    }

    @Test
    void escalationRatesCountTheCasesThatExpectEachBehaviour() {
        // Expecting answer: the 18 answer cases, as written and in the 5 variants that keep their expect
        // (typos, case, homoglyphs, rephrase, injection): 18 × 6 × 2 = 216.
        // Expecting escalation: the 6 abstain/clarify cases the same way, 6 × 6 × 2 = 72, plus every case's
        // ambiguous variant, which expects clarify: 24 × 1 × 2 = 48; 72 + 48 = 120. Together 336, every call.
        for (String id : List.of("minilm-qa", "chatty")) {
            JsonNode esc = targets.path(id).path("robustness").path("escalation");
            assertThat(esc.path("n_expecting_answer").asInt()).as(id).isEqualTo(216);
            assertThat(esc.path("n_expecting_escalation").asInt()).as(id).isEqualTo(120);
            assertThat(esc.path("appropriate_rate").isNumber()).as(id).isTrue();
            assertThat(esc.path("over_rate").isNumber()).as(id).isTrue();
        }
    }

    @Test
    void inventedReferencesAreTheChattyModelsMadeUpLinks() {
        // The first chatty rule (share 0.25) answers exactly floor(336 × 0.25) = 84 of chatty's 336 requests with
        // the /kb/ link, the second (share 0.125) floor(252 × 0.125) = 31 of the 252 left with the programme link,
        // whatever order the calls arrive in. Every other answer links only pages in allowed-urls.txt.
        JsonNode chatty = targets.path("chatty").path("robustness").path("invented_references");
        assertThat(chatty.path("items").path(KB_URL).asInt()).isEqualTo(84);
        assertThat(chatty.path("items").path(PROGRAMME_URL).asInt()).isEqualTo(31);
        assertThat(chatty.path("items").size()).isEqualTo(2);
        assertThat(chatty.path("items_total").asInt()).isEqualTo(115);
        assertThat(chatty.path("calls_with_any").asInt()).isEqualTo(115);
        assertThat(chatty.path("per_100_calls").asDouble()).isCloseTo(100.0 * 115 / 336, within(1e-4)); // 34.2262

        JsonNode minilm = targets.path("minilm-qa").path("robustness").path("invented_references");
        assertThat(minilm.path("items").size()).isZero();
        assertThat(minilm.path("items_total").asInt()).isZero();
        assertThat(minilm.path("per_100_calls").asDouble()).isZero();
    }

    @Test
    void unusableJudgeRepliesAreUnmeasuredAndJudgeCostsAreCounted() {
        // The judge answers in prose, with no JSON, exactly when the answer cites the /kb/ link: chatty's 84 calls.
        JsonNode chatty = targets.path("chatty").path("robustness").path("unmeasured");
        assertThat(chatty.path("total").asInt()).isEqualTo(84);
        assertThat(chatty.path("by_check").path("helpful").asInt()).isEqualTo(84);
        JsonNode minilm = targets.path("minilm-qa").path("robustness").path("unmeasured");
        assertThat(minilm.path("total").asInt()).isZero();

        for (String id : List.of("minilm-qa", "chatty")) {
            JsonNode t = targets.path(id);
            JsonNode graders = t.path("robustness").path("graders");
            // One judge call per call; the stub counts words, and the judge's system message alone has dozens.
            assertThat(graders.path("input_tokens").asLong()).as(id).isGreaterThan(336L * 50);
            assertThat(graders.path("output_tokens").asLong()).as(id).isGreaterThan(0);
            double judgeCost = graders.path("cost_usd").asDouble();
            assertThat(judgeCost).as(id).isGreaterThan(0);
            // Included in the target's total, on top of what the target itself cost (both are priced).
            assertThat(t.path("cost_usd").path("total").asDouble()).as(id).isGreaterThan(judgeCost);
        }
    }

    @Test
    void theReportHasTheRobustnessSections() {
        assertThat(report).contains("## Sensitivity to perturbed inputs", "## Behaviour under uncertainty");
        assertThat(report).contains("| ambiguous |", "| typos |", "| homoglyphs |", "| injection |");
        assertThat(report).contains(KB_URL, "84 verdicts unmeasured");
    }
}
