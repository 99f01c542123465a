package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** fieldtest run --cache, end to end over loopback HTTP, counting the requests the fake provider receives. */
class RunCacheTest {
    private static final String KEY = "sk-cache-planted-secret-9317";
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int runs;

    @AfterEach
    void stop() {
        server.close();
    }

    /** France always right, Italy always wrong, Japan right only the first time it is asked. */
    private void answerCapitals() {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        server.respondWith(r -> {
            String country = r.lastUserMessage().replaceAll("(?s)Capital of (\\w+)\\?.*", "$1");
            int n = asked.computeIfAbsent(country, k -> new AtomicInteger()).getAndIncrement();
            return Behavior.reply(switch (country) {
                case "France" -> "Paris.";
                case "Italy" -> "Milan.";
                default -> n == 0 ? "Tokyo." : "Kyoto.";
            }).withUsage(10, 4);
        });
    }

    private Path suite(String model, String temperature, String timeout, int repeat) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), """
                {"id": "a", "vars": {"country": "France"}, "expected": "Paris"}
                {"id": "b", "vars": {"country": "Italy"}, "expected": "Rome"}
                {"id": "c", "vars": {"country": "Japan"}, "expected": "Tokyo"}
                """);
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                dataset: cases.jsonl
                repeat: %d
                concurrency: 1
                targets:
                  - id: m
                    type: openai
                    base_url: ${STUB}
                    api_key: ${TEST_KEY}
                    model: %s
                    params: {temperature: %s}
                    timeout: %s
                    max_retries: 0
                    pricing: {input_per_mtok: 1.0, output_per_mtok: 2.0}
                checks: [{type: icontains, value: '{{expected}}'}]
                """.formatted(repeat, model, temperature, timeout));
    }

    /** One run into a fresh run directory; {@code cache} null runs without a cache. */
    private JsonNode run(Path suite, Path cache) throws Exception {
        Path runDir = dir.resolve("run-" + ++runs);
        out.reset();
        err.reset();
        var driver = new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true)
                .cachingIn(cache);
        int code = driver.run(suite, runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl(), "TEST_KEY", KEY)));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("targets").path("m");
    }

    private List<JsonNode> rows(int run) throws IOException {
        var json = new ObjectMapper();
        return Files.readAllLines(dir.resolve("run-" + run).resolve("results.jsonl")).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) return List.of();
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aSecondRunWithTheCacheMakesNoCallAndScoresTheSame() throws Exception {
        answerCapitals();
        Path suite = suite("m-1", "0", "30s", 3);
        Path cache = dir.resolve("cache");

        JsonNode first = run(suite, cache);
        assertThat(server.requestCount()).isEqualTo(9);
        // 4 of 9 pass: France 3/3, Italy 0/3, Japan 1/3 (right only at repeat 0)
        assertThat(first.path("pass_rate").path("value").asDouble()).isCloseTo(4 / 9.0, within(1e-5));
        assertThat(first.path("cached_calls").asInt()).isZero();
        assertThat(rows(1)).allSatisfy(r -> assertThat(r.has("cached")).isFalse());
        // repeat indexes 0, 1 and 2 of each of the 3 cases are 9 entries
        assertThat(files(cache)).hasSize(9);

        JsonNode second = run(suite, cache);
        assertThat(server.requestCount()).as("no new upstream request").isEqualTo(9);
        assertThat(second.path("pass_rate").path("value").asDouble()).isCloseTo(4 / 9.0, within(1e-5));
        assertThat(second.path("pass_at_k")).isEqualTo(first.path("pass_at_k"));
        assertThat(second.path("cached_calls").asInt()).isEqualTo(9);
        // the original figures: 9 × (10 × $1 + 4 × $2) per million tokens, and the same latencies
        assertThat(second.path("tokens").path("input").asInt()).isEqualTo(90);
        assertThat(second.path("cost_usd").path("total").asDouble()).isCloseTo(1.62e-4, within(1e-10));
        assertThat(second.path("latency_ms")).isEqualTo(first.path("latency_ms"));
        assertThat(rows(2)).hasSize(9).allSatisfy(r -> assertThat(r.path("cached").asBoolean()).isTrue());
        assertThat(rows(2)).filteredOn(r -> r.path("case_id").asText().equals("c"))
                .extracting(r -> r.path("repeat").asInt() + ":" + r.path("output").asText())
                .containsExactlyInAnyOrder("0:Tokyo.", "1:Kyoto.", "2:Kyoto.");
        assertThat(out.toString()).contains("Answered from the response cache: m 9 of 9 calls");
        assertThat(Files.readString(dir.resolve("run-2").resolve("report.md"))).contains("Answered from the response cache: m 9 of 9 calls");
        assertThat(err.toString()).contains("9 calls answered from the cache, 0 new answers stored");
    }

    @Test
    void anotherModelOrTemperatureMissesButAnotherTimeoutHits() throws Exception {
        answerCapitals();
        Path cache = dir.resolve("cache");
        run(suite("m-1", "0", "30s", 1), cache);
        assertThat(server.requestCount()).isEqualTo(3);

        assertThat(run(suite("m-2", "0", "30s", 1), cache).path("cached_calls").asInt()).isZero();
        assertThat(server.requestCount()).isEqualTo(6);
        assertThat(server.lastRequest().model()).isEqualTo("m-2");

        assertThat(run(suite("m-1", "0.7", "30s", 1), cache).path("cached_calls").asInt()).isZero();
        assertThat(server.requestCount()).isEqualTo(9);

        // a timeout changes how long a call may take, not what it answers
        assertThat(run(suite("m-1", "0", "45s", 1), cache).path("cached_calls").asInt()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(9);
        assertThat(files(cache)).hasSize(9);
    }

    @Test
    void aFailedCallIsNotCachedAndIsMadeAgainNextRun() throws Exception {
        AtomicInteger italyAsked = new AtomicInteger();
        server.respondWith(r -> {
            String q = r.lastUserMessage();
            if (q.contains("Italy") && italyAsked.getAndIncrement() == 0) return new Behavior.ServerError(500);
            return Behavior.reply(q.contains("France") ? "Paris." : q.contains("Italy") ? "Rome." : "Tokyo.").withUsage(10, 4);
        });
        Path suite = suite("m-1", "0", "30s", 1);
        Path cache = dir.resolve("cache");

        JsonNode first = run(suite, cache);
        assertThat(first.path("errors").asInt()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(files(cache)).hasSize(2);

        JsonNode second = run(suite, cache);
        assertThat(server.requestCount()).as("only the failed case is asked again").isEqualTo(4);
        assertThat(server.lastRequest().lastUserMessage()).contains("Italy");
        assertThat(second.path("cached_calls").asInt()).isEqualTo(2);
        assertThat(second.path("errors").asInt()).isZero();
        assertThat(second.path("pass_rate").path("value").asDouble()).isEqualTo(1.0);
        assertThat(rows(2)).filteredOn(r -> r.path("case_id").asText().equals("b"))
                .allSatisfy(r -> assertThat(r.has("cached")).isFalse());
        assertThat(files(cache)).hasSize(3);
    }

    @Test
    void withoutTheFlagNothingIsReadOrWritten() throws Exception {
        answerCapitals();
        Path suite = suite("m-1", "0", "30s", 1);
        Path cache = dir.resolve("cache");
        run(suite, cache); // fills the cache
        var before = files(cache);
        var stamps = before.stream().map(f -> f.toFile().lastModified()).toList();

        JsonNode plain = run(suite, null);
        assertThat(server.requestCount()).as("every call made again").isEqualTo(6);
        assertThat(plain.path("cached_calls").asInt()).isZero();
        assertThat(files(cache)).isEqualTo(before);
        assertThat(before.stream().map(f -> f.toFile().lastModified()).toList()).isEqualTo(stamps);
        assertThat(err.toString()).doesNotContain("Cache ");
        assertThat(Path.of(Defaults.CACHE_DIR)).doesNotExist();
        assertThat(files(dir)).noneMatch(f -> f.toString().contains(".fieldtest"));
    }

    @Test
    void cacheEntriesHoldNoSecretEvenWhenTheAnswerEchoesIt() throws Exception {
        server.requireApiKey(KEY);
        server.respondWith(r -> Behavior.reply(r.lastUserMessage().contains("Japan") ? "Tokyo. Your key: " + KEY : "Paris.").withUsage(10, 4));
        Path cache = dir.resolve("cache");
        run(suite("m-1", "0", "30s", 2), cache);
        assertThat(server.lastRequest().header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(files(cache)).hasSize(6);
        for (Path f : files(cache)) assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY).doesNotContain("9317");
        assertThat(files(cache)).anySatisfy(f -> assertThat(Files.readString(f)).contains("[REDACTED]"));
    }

    @Test
    void cacheIsAFlagWithTheDefaultFolderAndCacheDirNamesAnother() {
        RunCommand bare = new RunCommand();
        new CommandLine(bare).parseArgs("--cache", "suite.yaml", "--out", "o");
        assertThat(bare.cache()).isEqualTo(Path.of(".fieldtest/cache"));
        assertThat(bare.suite).isEqualTo(Path.of("suite.yaml")); // the SUITE after --cache is not taken as its folder
        RunCommand given = new RunCommand();
        new CommandLine(given).parseArgs("suite.yaml", "--out", "o", "--cache-dir", "shared/cache");
        assertThat(given.cache()).isEqualTo(Path.of("shared/cache"));
        RunCommand none = new RunCommand();
        new CommandLine(none).parseArgs("suite.yaml", "--out", "o");
        assertThat(none.cache()).isNull();
    }
}
