package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest serve end to end: runs recorded by fieldtest run (also while it serves) are listed and their report.html served. */
class ServeCommandTest {
    @TempDir Path dir;
    private final FakeOpenAiServer model = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void itServesOnLoopbackByDefaultAndRunsStillRecordWhileItServes() throws Exception {
        Path db = dir.resolve("h.duckdb");
        assertThat(Main.execute("run", suite().toString(), "--out", dir.resolve("r1").toString(), "--history", db.toString(), "--quiet")).isEqualTo(0);
        ServeCommand serve = command("--history", db.toString(), "--port", "0");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> call(serve));
        URI url = ServeUrl.await(out, err);
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");

        JsonNode runs = new ObjectMapper().readTree(get(url.resolve("/api/runs")).body());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.666667); // 2 of 3, summary.json's 6 digits
        String id = runs.get(0).path("run_id").asText();
        assertThat(get(url.resolve("/runs/" + id)).body()).isEqualTo(Files.readString(dir.resolve("r1/report.html")));

        // A second fieldtest run records into the same file while the dashboard is up: the file is only open per request.
        assertThat(Main.execute("run", suite().toString(), "--out", dir.resolve("r2").toString(), "--history", db.toString(), "--quiet")).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(get(url.resolve("/api/runs")).body())).hasSize(2);

        serve.stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void aMissingHistoryOrABadPortIsExit2WithTheFix() {
        Path missing = dir.resolve("none.duckdb");
        assertThat(call(command("--history", missing.toString(), "--port", "0"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing + ": no run history here");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(call(command("--history", missing.toString(), "--port", "70000"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 70000 is not a port; give 0..65535");
    }

    @Test
    void aNonLoopbackHostIsWarnedAbout() throws Exception {
        Path db = dir.resolve("h.duckdb");
        assertThat(Main.execute("run", suite().toString(), "--out", dir.resolve("r1").toString(), "--history", db.toString(), "--quiet")).isEqualTo(0);
        ServeCommand serve = command("--history", db.toString(), "--host", "0.0.0.0", "--port", "0");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> call(serve));
        ServeUrl.await(out, err);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARNING: listening on 0.0.0.0, not loopback: anyone who can reach this address");
        serve.stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    private ServeCommand command(String... args) {
        ServeCommand c = new ServeCommand();
        new picocli.CommandLine(c).parseArgs(args);
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return c;
    }

    private static Integer call(ServeCommand c) {
        try {
            return c.call();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** France and Japan answered right, Italy wrong: 2 of 3 calls pass. */
    private Path suite() throws Exception {
        return CapitalsSuite.write(dir, model, "");
    }
}
