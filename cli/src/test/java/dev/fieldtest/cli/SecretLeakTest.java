package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key planted in the environment, as users pass API keys ({@code api_key: ${VAR}}), reaches the provider but no
 * output: run files, console, the history file, {@code fieldtest history} and every {@code fieldtest serve} page, even
 * when the provider echoes it back in an error body or in a reply.
 */
class SecretLeakTest {
    private static final String KEY = "sk-planted-" + UUID.randomUUID();
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKeyFromTheEnvironmentAppearsInNoOutputEvenWhenTheProviderEchoesIt() throws Exception {
        Path runDir = dir.resolve("run"), db = dir.resolve("history.duckdb");
        server.respondWith(r -> {
            String auth = r.header("authorization");
            if (r.lastUserMessage().contains("Italy")) return new Behavior.ClientError(401, "invalid_api_key", "Incorrect API key provided: " + auth);
            if (r.lastUserMessage().contains("Japan")) return Behavior.reply("Tokyo. Your request carried " + auth);
            return Behavior.reply("Paris");
        });
        var driver = new RunDriver(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .recordingTo(HistoryStore.file(db));
        int code = driver.run(suite(), runDir, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl(), "PLANTED_KEY", KEY)));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
        // The key did go out, and came back in an error body and a reply: the outputs below had it to leak.
        assertThat(server.requests()).extracting(r -> r.header("authorization")).contains("Bearer " + KEY);
        String results = Files.readString(runDir.resolve("results.jsonl"));
        assertThat(results).contains("Incorrect API key provided: Bearer [REDACTED]").contains("Tokyo. Your request carried Bearer [REDACTED]");

        Map<String, byte[]> outputs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) outputs.put(runDir.relativize(f).toString(), Files.readAllBytes(f));
        }
        assertThat(outputs.keySet()).contains("results.jsonl", "summary.json", "report.md", "report.html", "junit.xml");
        outputs.put("console stdout", out.toByteArray());
        outputs.put("console stderr", err.toByteArray());
        outputs.put("history file", Files.readAllBytes(db));
        outputs.putAll(historyCommand(db));
        outputs.putAll(servePages(db));

        for (var e : outputs.entrySet()) {
            assertThat(new String(e.getValue(), StandardCharsets.ISO_8859_1)).as(e.getKey()).isNotEmpty().doesNotContain(KEY);
        }
        assertThat(outputs.size()).isGreaterThanOrEqualTo(14);
    }

    /** {@code fieldtest history} as a table and as JSON. */
    private Map<String, byte[]> historyCommand(Path db) {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (List<String> args : List.of(List.of("history", "--history", db.toString()), List.of("history", "--history", db.toString(), "--json"))) {
            ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
            assertThat(CapturedMain.execute(o, e, args.toArray(String[]::new))).isEqualTo(0);
            pages.put(String.join(" ", args) + " stdout", o.toByteArray());
        }
        return pages;
    }

    /** Every page of {@code fieldtest serve} over the recorded history, fetched over HTTP. */
    private Map<String, byte[]> servePages(Path db) throws Exception {
        ByteArrayOutputStream sOut = new ByteArrayOutputStream(), sErr = new ByteArrayOutputStream();
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--history", db.toString(), "--port", "0");
        serve.out = new PrintStream(sOut, true, StandardCharsets.UTF_8);
        serve.err = new PrintStream(sErr, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return serve.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        URI url = ServeUrl.await(sOut, sErr);
        String runs = ServeUrl.get(http, url.resolve("/api/runs"));
        Matcher id = Pattern.compile("\"run_id\"\\s*:\\s*\"([^\"]+)\"").matcher(runs);
        assertThat(id.find()).as(runs).isTrue();
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (String path : List.of("/", "/api/runs", "/runs/" + id.group(1), "/metrics", "/production", "/ledger", "/reviews", "/drift")) {
            pages.put("serve " + path, ServeUrl.get(http, url.resolve(path)).getBytes(StandardCharsets.UTF_8));
        }
        serve.stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        pages.put("serve stdout", sOut.toByteArray());
        pages.put("serve stderr", sErr.toByteArray().length == 0 ? "(empty)".getBytes(StandardCharsets.UTF_8) : sErr.toByteArray());
        return pages;
    }

    private Path suite() throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                cases:
                  - {id: a, vars: {country: France}, expected: Paris}
                  - {id: b, vars: {country: Italy}, expected: Rome}
                  - {id: c, vars: {country: Japan}, expected: Tokyo}
                targets:
                  - {id: m, type: openai, base_url: "${STUB}", api_key: "${PLANTED_KEY}", model: m-1, backoff: 1ms}
                checks: [{type: icontains, value: '{{expected}}'}]
                """);
    }
}
