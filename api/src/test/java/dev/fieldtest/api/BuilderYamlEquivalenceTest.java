package dev.fieldtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.Suite;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite built in code and the same suite written as YAML, both against one fake OpenAI server, summarise alike. */
class BuilderYamlEquivalenceTest {
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Right for France and Japan, wrong for Italy, every time; 10 tokens in, 4 out. */
    private void answerCapitals() {
        server.respondWith(r -> {
            String q = r.lastUserMessage();
            String a = q.contains("France") ? "Paris" : q.contains("Italy") ? "Milan" : "Tokyo";
            return Behavior.reply(a).withUsage(10, 4);
        });
    }

    private Path yaml() throws Exception {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"id": "a", "vars": {"country": "France"}, "expected": "Paris", "tags": ["easy"]}
                {"id": "b", "vars": {"country": "Italy"}, "expected": "Rome", "tags": ["easy"]}
                """);
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                dataset: cases.jsonl
                cases:
                  - {id: c, vars: {country: Japan}, expected: Tokyo, tags: [hard]}
                repeat: 3
                concurrency: 2
                targets:
                  - id: m
                    type: openai
                    base_url: %s
                    model: m-1
                    pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}
                checks:
                  - {type: icontains, value: "{{expected}}"}
                properties:
                  - {name: accurate, metric: targets.m.pass_rate.value, min: 0.9, owner: Ana}
                """.formatted(server.baseUrl()));
    }

    private Suite built() {
        return Fieldtest.suite("capitals")
                .prompt("Capital of {{country}}?")
                .dataset(dir.resolve("cases.jsonl"))
                .addCase("c", Map.of("country", "Japan"), "Tokyo", "hard")
                .repeat(3)
                .concurrency(2)
                .target("m", "openai", Map.of("base_url", server.baseUrl(), "model", "m-1",
                        "pricing", Map.of("input_per_mtok", 1.0, "output_per_mtok", 2.0)))
                .check("icontains", Map.of("value", "{{expected}}"))
                .property("accurate", "targets.m.pass_rate.value", 0.9, null, "Ana")
                .build();
    }

    @Test
    void builtAndYamlSuitesGiveTheSameSummaryNumbers() throws Exception {
        answerCapitals();
        RunResult fromYaml = Fieldtest.run(Fieldtest.load(yaml()), dir.resolve("yaml"));
        RunResult fromCode = Fieldtest.run(built(), dir.resolve("code"));

        JsonNode a = fromYaml.summary().path("targets").path("m");
        JsonNode b = fromCode.summary().path("targets").path("m");
        for (String metric : List.of("calls", "errors", "cases", "pass_rate", "pass_at_k", "pass_all_k", "tokens", "cost_usd", "slices", "worst_slice")) {
            assertThat(b.path(metric)).as(metric).isEqualTo(a.path(metric));
        }
        assertThat(a.path("calls").asInt()).isEqualTo(9);
        assertThat(fromCode.summary().path("properties")).isEqualTo(fromYaml.summary().path("properties"));
        // a and c pass every time, b never: 6 of 9; cost 9 × (10 × $1 + 4 × $2)/1e6 = $1.62e-4, per success ÷ 6.
        TargetResult t = fromCode.target("m");
        assertThat(t.passRate().value()).isCloseTo(2 / 3.0, within(1e-5));
        assertThat(t.costPerSuccess()).isCloseTo(2.7e-5, within(1e-10));
        assertThat(t.slices().get("easy").value()).isEqualTo(0.5);
        assertThat(t.slices().get("hard").value()).isEqualTo(1.0);
        assertThat(fromCode.properties()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("fail");
            assertThat(p.value()).isCloseTo(2 / 3.0, within(1e-5));
        });
    }
}
