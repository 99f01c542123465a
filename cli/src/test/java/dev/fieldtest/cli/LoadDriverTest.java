package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldtest load}: bad input stops before anything is written; a good run leaves every file, secrets out. */
class LoadDriverTest {
    private static final String KEY = "sk-planted-load-secret-77";
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String load, Map<String, Object> overrides) throws Exception {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: echo
                prompt: "Say {{w}}"
                cases:
                  - {id: a, vars: {w: one}}
                targets:
                  - {id: m, type: openai, base_url: "${STUB}", api_key: "${KEY}", model: m-1}
                """ + load);
        var driver = new LoadDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        return driver.run(suite, dir.resolve("out"), overrides, new Env(Map.of("STUB", server.baseUrl(), "KEY", KEY)));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSuiteWithoutALoadSectionIsBadInputAndNothingIsWritten() throws Exception {
        assertThat(run("", Map.of())).isEqualTo(Main.BAD_INPUT);
        assertThat(errors()).contains("suite.yaml: the suite has no load: section").contains("pass --profile and --rates");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void problemsInTheSectionAndOnTheCommandLineAreReportedTogetherWithWhere() throws Exception {
        assertThat(run("load:\n  profile: constant\n  rates: [5]\n  duraton: 3s\n", Map.of("targets", java.util.List.of("nope"))))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(errors()).contains("suite.yaml:10:3: unknown key 'duraton' in load").contains("did you mean 'duration'")
                .contains("(command line): load.targets names \"nope\", which is not a target of the suite");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theCommandLineBeatsTheSuiteAndTheRunLeavesEveryFile() throws Exception {
        int code = run("load: {profile: constant, rates: [500], duration: 30s}\n",
                Map.of("rates", java.util.List.of(20.0), "duration", "1s", "warm_up", "200ms", "cool_down", "0s"));
        assertThat(code).isEqualTo(Main.OK);
        Path outDir = dir.resolve("out");
        JsonNode json = new ObjectMapper().readTree(outDir.resolve("load.json").toFile());
        JsonNode step = json.path("targets").get(0).path("steps").get(0);
        assertThat(step.path("offered_rps").asDouble()).isEqualTo(20.0);
        assertThat(step.path("window_s").asDouble()).isEqualTo(0.8);
        assertThat(step.path("sent").asLong()).isEqualTo(16);
        for (String f : new String[] {"load.json", "report.md", "load.svg", "requests.jsonl", "histograms/m/step-0.hlog"}) {
            assertThat(outDir.resolve(f)).exists();
            assertThat(Files.readString(outDir.resolve(f))).doesNotContain(KEY);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("m: 1 steps; no step broke an SLO or limit");
    }
}
