package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fieldtest run --resume in this JVM: a run cut short is simulated by keeping the first rows of a finished run
 * and deleting its summary. Refusals leave every file as it was.
 */
class RunResumeTest {
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path suite, runDir;

    @AfterEach
    void stop() {
        server.close();
    }

    /** 3 cases × repeat 3 = 9 calls, one at a time, so rows are in plan order. */
    @BeforeEach
    void finishedRun() throws Exception {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"id": "a", "vars": {"x": "1"}}
                {"id": "b", "vars": {"x": "2"}}
                {"id": "c", "vars": {"x": "3"}}
                """);
        server.respondWith(r -> Behavior.reply("ok").withUsage(3, 1));
        suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: resumable
                prompt: "Echo {{x}}"
                dataset: cases.jsonl
                repeat: 3
                concurrency: 1
                targets: [{id: m, type: openai, base_url: "${STUB}", model: m-1}]
                """);
        runDir = dir.resolve("run");
        assertThat(driver().run(suite, runDir, new RunDriver.Overrides(null, null), env())).as(err.toString()).isZero();
        err = new ByteArrayOutputStream();
    }

    private RunDriver driver() {
        return new RunDriver(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
    }

    private Env env() {
        return new Env(Map.of("STUB", server.baseUrl()));
    }

    private int resume(Integer repeat) throws Exception {
        return driver().resume(null, runDir, new RunDriver.Overrides(repeat, null), env());
    }

    /** Keeps the first {@code rows} whole rows plus {@code tornBytes} of the next one, and removes the summary. */
    private byte[] cutAfter(int rows, int tornBytes) throws Exception {
        Path results = runDir.resolve("results.jsonl");
        List<String> lines = Files.readAllLines(results);
        String kept = String.join("\n", lines.subList(0, rows)) + "\n" + lines.get(rows).substring(0, tornBytes);
        Files.writeString(results, kept);
        Files.delete(runDir.resolve("summary.json"));
        return kept.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTornLastLineIsCutOffAndOnlyTheMissingCallsAreMade() throws Exception {
        byte[] before = cutAfter(5, 40);
        int requestsBefore = server.requestCount();

        assertThat(resume(null)).as(err.toString()).isZero();

        byte[] after = Files.readAllBytes(runDir.resolve("results.jsonl"));
        assertThat(Arrays.copyOf(after, before.length - 40)).isEqualTo(Arrays.copyOf(before, before.length - 40));
        List<String> lines = Files.readAllLines(runDir.resolve("results.jsonl"));
        assertThat(lines).hasSize(9);
        ObjectMapper json = new ObjectMapper();
        Set<String> keys = new HashSet<>();
        for (String l : lines) {
            JsonNode r = json.readTree(l);
            keys.add(r.path("case_id").asText() + r.path("repeat").asInt());
        }
        assertThat(keys).containsExactlyInAnyOrder("a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2");
        assertThat(server.requestCount() - requestsBefore).as("4 calls missing: the torn 6th and rows 7 to 9").isEqualTo(4);
        assertThat(err.toString()).contains("dropped a torn last line of results.jsonl (40 bytes").contains("5 calls done, 4 to make");
        JsonNode s = json.readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("complete");
        assertThat(s.path("completed_calls").asInt()).isEqualTo(9);
        assertThat(s.path("resumed").path("torn_bytes_dropped").asInt()).isEqualTo(40);
        assertThat(s.path("targets").path("m").path("calls").asInt()).isEqualTo(9);
    }

    @Test
    void anAbortedRunIsResumedAndItsSummaryReplaced() throws Exception {
        cutAfter(6, 0);
        Files.writeString(runDir.resolve("summary.json"), "{\"status\": \"aborted\", \"completed_calls\": 6}");

        assertThat(resume(null)).as(err.toString()).isZero();

        JsonNode s = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("complete");
        assertThat(s.path("completed_calls").asInt()).isEqualTo(9);
        assertThat(s.path("resumed").path("rows_added").asInt()).isEqualTo(3);
        assertThat(Files.readAllLines(runDir.resolve("results.jsonl"))).hasSize(9);
    }

    @Test
    void aFinishedRunIsNotResumed() throws Exception {
        byte[] results = Files.readAllBytes(runDir.resolve("results.jsonl"));

        assertThat(resume(null)).isEqualTo(2);

        assertThat(err.toString()).contains("cannot resume " + runDir + ": it holds a finished run (summary.json says complete)");
        assertThat(Files.readAllBytes(runDir.resolve("results.jsonl"))).isEqualTo(results);
    }

    @Test
    void aSuiteEditedSinceTheStartIsRefusedAndNothingIsTouched() throws Exception {
        byte[] cut = cutAfter(5, 40);
        Files.writeString(suite, Files.readString(suite).replace("Echo {{x}}", "Repeat {{x}}"));

        assertThat(resume(null)).isEqualTo(2);

        assertThat(err.toString()).contains("the suite file changed since the run started");
        assertThat(Files.readAllBytes(runDir.resolve("results.jsonl"))).as("not even the torn line is cut").isEqualTo(cut);
    }

    @Test
    void aDifferentRepeatChangesThePlanAndIsRefused() throws Exception {
        cutAfter(5, 0);

        assertThat(resume(4)).isEqualTo(2);

        assertThat(err.toString()).contains("the plan changed (9 calls when the run started, 12 now");
    }

    @Test
    void aCallRecordedTwiceIsRefusedWithItsLine() throws Exception {
        cutAfter(5, 0);
        Path results = runDir.resolve("results.jsonl");
        Files.writeString(results, Files.readString(results) + Files.readAllLines(results).get(0) + "\n");

        assertThat(resume(null)).isEqualTo(2);

        assertThat(err.toString()).contains("results.jsonl:6: the call (target m, case a, repeat 0) is recorded twice");
    }

    @Test
    void aDirectoryWithoutRunJsonIsRefused() throws Exception {
        assertThat(driver().resume(suite, dir, new RunDriver.Overrides(null, null), env())).isEqualTo(2);
        assertThat(err.toString()).contains("run.json does not exist");
    }

    @Test
    void aDirectoryARunWasStartedInIsNotReusedByANewRun() throws Exception {
        Path started = dir.resolve("started");
        Files.createDirectories(started);
        Files.copy(runDir.resolve("run.json"), started.resolve("run.json"));

        assertThat(driver().run(suite, started, new RunDriver.Overrides(null, null), env())).isEqualTo(2);
        assertThat(err.toString()).contains("this directory already holds a run (run.json)");
    }

    @Test
    void theCommandLineTakesResumeWithoutSuiteAndFindsItInRunJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(CapturedMain.execute(out, err, "run", "--resume", runDir.toString(), "--quiet", "--no-history")).isEqualTo(2);

        assertThat(err.toString()).contains("cannot resume " + runDir + ": it holds a finished run (summary.json says complete)");
    }

    @Test
    void resumeAndOutTogetherAreABadCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(CapturedMain.execute(out, err, "run", suite.toString(), "--resume", runDir.toString(), "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give SUITE --out DIR for a new run, or --resume DIR [SUITE]");
    }
}
