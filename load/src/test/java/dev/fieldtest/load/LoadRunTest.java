package dev.fieldtest.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.run.ResultsLog;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole load runs over loopback HTTP: files written, 429s counted, the collapse point found. */
@Timeout(60)
class LoadRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private FakeOpenAiServer server;

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    private JsonNode run(String load) throws Exception {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                name: load-test
                prompt: "Q: {{q}}"
                cases:
                  - {id: c1, vars: {q: one}}
                  - {id: c2, vars: {q: two}}
                  - {id: c3, vars: {q: three}}
                  - {id: c4, vars: {q: four}}
                  - {id: c5, vars: {q: five}}
                targets:
                  - {id: t, type: openai, base_url: "%s", model: m, max_retries: 0, pricing: {output_per_mtok: 1000}}
                checks:
                  - {type: contains, value: "ok"}
                load:
                %s
                """.formatted(server.baseUrl(), load.indent(2)));
        Suite suite = SuiteLoader.load(file);
        LoadSettings settings = LoadSettingsReader.read(suite.load(), new Problems());
        try (Components components = Components.resolve(suite, new Env(java.util.Map.of()))) {
            LoadRun.Outcome outcome = new LoadRun(suite, components, settings, dir.resolve("out"), (t, s) -> {}).run("r1");
            return JSON.valueToTree(LoadJson.render("r1", suite, settings, outcome));
        }
    }

    @Test
    void throttledAnswersAreCountedAsErrorsAnd429sAndBreakTheErrorLimit() throws Exception {
        // c3 is one case in five: 20 measured sends cycling five cases hold exactly 4 of them.
        server = FakeOpenAiServer.start(0, req -> req.rawBody().contains("three") ? new Behavior.Throttle(1) : Behavior.reply("ok"));
        JsonNode step = run("{profile: constant, rates: [20], duration: 1.5s, warm_up: 500ms, cool_down: 0s, quality_sample: 5}")
                .path("targets").get(0).path("steps").get(0);

        assertThat(step.path("sent").asLong()).isEqualTo(20);
        assertThat(step.path("errors").path("throttled").asLong()).isEqualTo(4);
        assertThat(step.path("throttled_429").asLong()).isEqualTo(4);
        assertThat(step.path("error_rate").asDouble()).isEqualTo(0.2);
        assertThat(step.path("goodput").path("good").asLong()).isEqualTo(16);
        assertThat(step.path("meets_slo").asBoolean()).isFalse();
        assertThat(step.path("breaks").toString()).contains("error rate 20.0% is above the limit 5.0%");
        // One output token ("ok") at $1000 per million tokens on each of 16 successes; 429s report no usage.
        assertThat(step.path("cost").path("total_usd").asDouble()).isEqualTo(0.016);
        assertThat(step.path("cost").path("per_success_usd").asDouble()).isEqualTo(0.001);
        assertThat(step.path("quality").path("n").asLong()).isEqualTo(5);
        assertThat(step.path("quality").path("pass_rate").asDouble()).isEqualTo(1.0);

        Path out = dir.resolve("out");
        // Every completed request is a row, warm-up included: 30 sends in 1.5 s at 20 rps.
        assertThat(Files.readAllLines(out.resolve(LoadRun.REQUESTS))).hasSize(30);
        assertThat(ResultsLog.readAll(out.resolve(LoadRun.RESULTS))).hasSize(5)
                .allSatisfy(c -> assertThat(c.tags()).contains("load-step:0"));
        assertThat(out.resolve("histograms/t/step-0.hlog")).exists();
    }

    @Test
    void aSweepStopsAtTheStepWhereAchievedThroughputFallsBehindTheOfferedRate() throws Exception {
        // The server answers one request at a time in 40 ms: at most 25 per second. Offered 10 and 20 fit; 40 cannot.
        Semaphore oneAtATime = new Semaphore(1, true);
        server = FakeOpenAiServer.start(0, req -> {
            oneAtATime.acquireUninterruptibly();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                oneAtATime.release();
            }
            return Behavior.reply("ok");
        });
        JsonNode target = run("{profile: sweep, sweep: {from: 10, factor: 2, max: 160}, duration: 3s, warm_up: 1s, cool_down: 0s, drain: 2s}")
                .path("targets").get(0);
        List<JsonNode> steps = new java.util.ArrayList<>();
        target.path("steps").forEach(steps::add);

        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("meets_slo").asBoolean()).isTrue();
        assertThat(steps.get(1).path("meets_slo").asBoolean()).isTrue();
        // 25 per second at best against 40 offered: about 62%, well below 95%.
        assertThat(steps.get(2).path("achieved_share").asDouble()).isBetween(0.45, 0.75);
        assertThat(target.path("collapse").path("index").asInt()).isEqualTo(2);
        assertThat(target.path("collapse").path("offered_rps").asDouble()).isEqualTo(40.0);
        assertThat(target.path("collapse").path("reason").asText()).contains("of the offered rate (below 95.0%)");
        // Queueing behind the one server slot shows in corrected latency.
        assertThat(steps.get(2).path("latency_ms").path("corrected").path("p99").asDouble()).isGreaterThan(200);
    }
}
