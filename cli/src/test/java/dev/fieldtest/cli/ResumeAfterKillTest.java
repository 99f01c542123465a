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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety for real: a child JVM runs a 200-call suite (50 cases × repeat 4, 50 ms per call, 4 at a time),
 * is killed with SIGKILL once results.jsonl has a given number of rows, and {@code fieldtest run --resume} then
 * finishes the run in this JVM. Nothing lost, nothing duplicated, the rows from before the kill untouched.
 */
class ResumeAfterKillTest {
    private static final int CASES = 50, REPEAT = 4, PLANNED = CASES * REPEAT;
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) child.destroyForcibly();
        server.close();
    }

    /** Every case expects "yes"; the server says yes to even numbers only, so 25 cases × 4 repeats = 100 calls pass. */
    private Path suite() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < CASES; i++) cases.append("{\"id\": \"c").append(i).append("\", \"vars\": {\"n\": \"").append(i).append("\"}, \"expected\": \"yes\"}\n");
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        server.respondWith(r -> {
            int n = Integer.parseInt(r.lastUserMessage().replaceAll("\\D", ""));
            return Behavior.reply(n % 2 == 0 ? "yes" : "no").withUsage(10, 4).withDelay(Duration.ofMillis(50));
        });
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: kill-me
                prompt: "Is {{n}} even?"
                dataset: cases.jsonl
                repeat: 4
                concurrency: 4
                targets:
                  - id: m
                    type: openai
                    base_url: ${STUB}
                    api_key: ${TEST_KEY}
                    model: m-1
                    pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}
                checks: [{type: contains, value: '{{expected}}'}]
                """);
    }

    @ParameterizedTest(name = "killed after {0} of 200 rows")
    @ValueSource(ints = {20, 100, 180})
    void aRunKilledMidwayFinishesWithEveryCallExactlyOnce(int killAfterRows) throws Exception {
        Path suite = suite();
        Path runDir = dir.resolve("run");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.fieldtest.cli.Main", "run", suite.toString(), "--out", runDir.toString(), "--quiet")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("STUB", server.baseUrl());
        pb.environment().put("TEST_KEY", "sk-test-kill");
        child = pb.start();
        Path results = runDir.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (newlines(results) < killAfterRows) {
            assertThat(child.isAlive()).as("the child ended before the kill: " + Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(System.nanoTime()).as("no %d rows within 60 s", killAfterRows).isLessThan(deadline);
            Thread.sleep(2);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no summary
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(runDir.resolve("summary.json"))).isFalse();
        byte[] atKill = Files.readAllBytes(results);
        byte[] wholeRows = Arrays.copyOf(atKill, lastNewline(atKill) + 1);
        int rowsAtKill = newlines(results);
        assertThat(rowsAtKill).isBetween(killAfterRows, PLANNED - 1);

        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true)
                .resume(null, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl(), "TEST_KEY", "sk-test-kill")));

        assertThat(code).as(err.toString()).isZero();
        byte[] after = Files.readAllBytes(results);
        assertThat(Arrays.copyOf(after, wholeRows.length)).as("rows written before the kill are unchanged").isEqualTo(wholeRows);
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(results)) rows.add(json.readTree(line));
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.path("case_id").asText() + "/" + r.path("repeat").asInt()));
        Set<String> planned = new HashSet<>();
        for (int i = 0; i < CASES; i++) for (int r = 0; r < REPEAT; r++) planned.add("c" + i + "/" + r);
        assertThat(rows).hasSize(PLANNED);
        assertThat(keys).as("every planned call exactly once").isEqualTo(planned);
        assertThat(rows.stream().map(r -> r.path("run_id").asText()).distinct()).hasSize(1);

        JsonNode s = json.readTree(runDir.resolve("summary.json").toFile());
        long passes = rows.stream().filter(r -> r.path("pass").asBoolean()).count();
        assertThat(passes).as("recount from results.jsonl").isEqualTo(100);
        assertThat(s.path("status").asText()).isEqualTo("complete");
        assertThat(s.path("planned_calls").asInt()).isEqualTo(PLANNED);
        assertThat(s.path("completed_calls").asInt()).isEqualTo(PLANNED);
        assertThat(s.path("resumed").path("rows_before").asInt()).isEqualTo(rowsAtKill);
        assertThat(s.path("resumed").path("rows_added").asInt()).isEqualTo(PLANNED - rowsAtKill);
        JsonNode m = s.path("targets").path("m");
        assertThat(m.path("calls").asInt()).isEqualTo(PLANNED);
        assertThat(m.path("pass_rate").path("passes").asLong()).isEqualTo(passes);
        assertThat(m.path("pass_rate").path("value").asDouble()).isEqualTo(0.5);
        // 200 calls × (10 input tokens × $1/Mtok + 4 output tokens × $2/Mtok) = 200 × $0.000018 = $0.0036
        assertThat(m.path("cost_usd").path("total").asDouble()).isEqualTo(0.0036);
        assertThat(Files.exists(runDir.resolve("report.html"))).isTrue();
        Files.writeString(dir.resolve("kill-" + killAfterRows + ".txt"), rowsAtKill + " rows at kill, " + (atKill.length - wholeRows.length) + " torn bytes\n");
        System.out.printf("resume after kill: asked %d, rows at kill %d, torn bytes %d, rows after %d, distinct %d%n",
                killAfterRows, rowsAtKill, atKill.length - wholeRows.length, rows.size(), keys.size());
    }

    private static int newlines(Path file) throws Exception {
        if (!Files.exists(file)) return 0;
        int n = 0;
        for (byte b : Files.readAllBytes(file)) if (b == '\n') n++;
        return n;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] == '\n') return i;
        return -1;
    }
}
