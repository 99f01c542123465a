package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pairwise:` end to end: two targets and a judge on one loopback stub, whatever order the judge sees them in. */
class PairwiseComparisonTest {
    /** The judge finds the fenced answer that names Paris, wherever the comparison placed it. */
    private static final Pattern FENCED = Pattern.compile("(?s)<<<ANSWER-([AB])-[0-9a-f]+>>>\\n(.*?)\\n<<<END-ANSWER-\\1-");
    @TempDir Path dir;

    @Test
    void theJudgePrefersTheRightAnswerInEveryPositionAndItsCostIsCounted() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.respondWith(r -> switch (r.model()) {
                case "right" -> Behavior.reply("Paris");
                case "wrong" -> Behavior.reply("Lyon");
                default -> {
                    String winner = "tie";
                    Matcher m = FENCED.matcher(r.lastUserMessage());
                    while (m.find()) if (m.group(2).contains("Paris")) winner = m.group(1);
                    yield Behavior.reply("{\"winner\": \"" + winner + "\", \"reason\": \"names the capital\"}").withUsage(100, 10);
                }
            });
            Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                    prompt: "Capital of France? ({{id}})"
                    cases: [{id: a}, {id: b}, {id: c}]
                    repeat: 2
                    targets:
                      - {id: right, type: openai, base_url: "${STUB}", model: right}
                      - {id: wrong, type: openai, base_url: "${STUB}", model: wrong}
                    judges:
                      - {id: referee, type: openai, base_url: "${STUB}", model: referee, pricing: {input_per_mtok: 1, output_per_mtok: 2}}
                    pairwise:
                      - {judge: referee, targets: [right, wrong]}
                    """);
            Path runDir = dir.resolve("out");
            int code = new RunDriver(new PrintStream(PrintStream.nullOutputStream()), System.err, true)
                    .run(suite, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl())));
            assertThat(code).isZero();
            JsonNode c = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("comparisons").path("right_vs_wrong");
            // 3 cases × 2 repeats, all won by "right": Wilson lower bound for 6 of 6 is 6/(6 + z²) = 0.609666.
            assertThat(c.path("n").asInt()).isEqualTo(6);
            assertThat(c.path("a_wins").asInt()).isEqualTo(6);
            assertThat(c.path("a_win_rate").asDouble()).isEqualTo(1.0);
            assertThat(c.path("ci95").path(0).asDouble()).isCloseTo(0.609666, within(1e-5));
            // Six judge calls at 100 input and 10 output tokens, $1 and $2 per million: 6 × 120e-6.
            assertThat(c.path("judge_cost_usd").asDouble()).isCloseTo(7.2e-4, within(1e-12));
            assertThat(Files.readAllLines(runDir.resolve("pairwise.jsonl"))).hasSize(6).allSatisfy(l -> assertThat(l).contains("\"winner\":\"right\""));
        }
    }
}
