package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.RunListener;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite's primary reached through the chaos proxy (every 3rd request reset, every 5th a 503), its fallback
 * direct: the run recovers every injected failure, and the figures follow from which requests the plan hits.
 */
@Timeout(120)
class FallbackUnderChaosTest {
    @TempDir Path dir;

    @Test
    void fiveInjectedFailuresOfTenAreRecoveredByTheFallbackAndCountedByClass() throws Exception {
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start(); FakeOpenAiServer spare = FakeOpenAiServer.start()) {
            upstream.respondWith(r -> Behavior.reply("right").withUsage(10, 4));
            spare.respondWith(r -> Behavior.reply("right").withUsage(10, 4));
            Path planFile = Files.writeString(dir.resolve("plan.yaml"), """
                    - {kind: status, status: 503, every: 5}
                    - {kind: reset, every: 3}
                    """);
            try (ChaosProxy proxy = ChaosProxy.start("127.0.0.1", 0, URI.create(upstream.baseUrl()), PlanReader.read(planFile), dir.resolve("injections.jsonl"))) {
                StringBuilder cases = new StringBuilder();
                for (int i = 0; i < 10; i++) cases.append("{\"id\": \"q").append(i).append("\", \"vars\": {\"n\": \"").append(i).append("\"}, \"expected\": \"right\"}\n");
                Files.writeString(dir.resolve("cases.jsonl"), cases);
                // concurrency 1: the primary's n-th request is question n−1, so the plan hits questions 2, 5, 8 (reset) and 4, 9 (503)
                Path suiteFile = Files.writeString(dir.resolve("suite.yaml"), """
                        prompt: "Question {{n}}"
                        dataset: cases.jsonl
                        concurrency: 1
                        targets:
                          - {id: main, type: openai, base_url: "${PROXY}", model: small, max_retries: 0,
                             pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}, fallback: [spare]}
                          - {id: spare, type: openai, base_url: "${SPARE}", model: large, pricing: {input_per_mtok: 10.0, output_per_mtok: 20.0}}
                        """);
                var suite = SuiteLoader.load(suiteFile);
                try (Components components = Components.resolve(suite, new Env(Map.of("PROXY", proxy.url(), "SPARE", spare.baseUrl())))) {
                    new Evaluation(suite, components, dir.resolve("run"), List.of()).run("r1", RunListener.NONE);
                }
                assertThat(proxy.counts()).isEqualTo(Map.of("reset", 3L, "status", 2L));
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode f = json.readTree(dir.resolve("run/summary.json").toFile()).path("targets").path("main").path("fallback");
            assertThat(f.path("primary_failures").asInt()).isEqualTo(5);
            assertThat(f.path("recovered").asInt()).isEqualTo(5);
            // no checks on this module's class path: every answer passes, so the split is by count (quality: FallbackRunTest in cli)
            assertThat(f.path("pass_rate_when_primary_answered").path("n").asInt()).isEqualTo(5);
            assertThat(f.path("pass_rate_when_fallback_answered").path("n").asInt()).isEqualTo(5);
            // 5 spare answers × (10 × $10 + 4 × $20) / 1M
            assertThat(f.path("cost_usd_of_fallback").asDouble()).isCloseTo(9.0e-4, within(1e-12));
            Map<String, Integer> byClass = new TreeMap<>();
            Map<String, String> answeredBy = new TreeMap<>();
            for (String line : Files.readAllLines(dir.resolve("run/results.jsonl"))) {
                JsonNode r = json.readTree(line);
                if (!r.path("target").asText().equals("main")) continue;
                answeredBy.put(r.path("case_id").asText(), r.path("fallback").path("answered_by").asText());
                r.path("fallback").path("failed").forEach(h -> byClass.merge(h.path("error").asText(), 1, Integer::sum));
            }
            assertThat(byClass).isEqualTo(Map.of("connection", 3, "server_error", 2));
            assertThat(answeredBy).containsEntry("q2", "spare").containsEntry("q4", "spare").containsEntry("q5", "spare")
                    .containsEntry("q8", "spare").containsEntry("q9", "spare").containsEntry("q0", "main").containsEntry("q7", "main");
        }
    }
}
