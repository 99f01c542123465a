package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldtest chaos}: bad input is exit 2 with its location; a running proxy prints its URL and counts. */
@Timeout(30)
class ChaosCommandTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    @Test
    void aBadPlanIsExit2WithFileLineAndColumn() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "- {kind: status, status: 429, share: 0.5}\n- {kind: slow, every: 2}\n");
        int code = CapturedMain.execute(out, err, "chaos", "--listen", "0", "--upstream", "http://127.0.0.1:1/v1", "--plan", plan.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the plan has 1 problem:")
                .contains(plan + ":2:10: [1].kind must be one of drip, latency, malformed, reset, status, timeout, truncate, but was \"slow\"");
    }

    @Test
    void anUpstreamThatIsNoUrlIsExit2() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "- {kind: reset, every: 2}\n");
        int code = CapturedMain.execute(out, err, "chaos", "--listen", "0", "--upstream", "api.openai.com", "--plan", plan.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--upstream must be an http or https URL");
    }

    @Test
    void theProxyPrintsItsUrlInjectsAndCountsUntilItStops() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "- {kind: status, status: 502, every: 2}\n");
        Path log = dir.resolve("chaos.jsonl");
        try (FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> CapturedMain.execute(out, err, "chaos", "--listen", "0",
                    "--upstream", upstream.baseUrl(), "--plan", plan.toString(), "--log", log.toString(), "--seed", "5", "--stop-after", "3"));
            String url = awaitUrl();
            int[] statuses = new int[4];
            try (HttpClient c = HttpClient.newHttpClient()) {
                for (int i = 0; i < 4; i++) {
                    statuses[i] = c.send(HttpRequest.newBuilder(URI.create(url + "/chat/completions")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }
            }
            assertThat(run.get()).isZero();
            assertThat(statuses).containsExactly(200, 502, 200, 502);
            assertThat(Files.readAllLines(log)).hasSize(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("seed 5").contains("stopped; 4 chat requests, injected: status 2");
        }
    }

    private String awaitUrl() throws InterruptedException {
        Pattern p = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/v1)");
        for (int i = 0; i < 200; i++) {
            Matcher m = p.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) return m.group(1);
            Thread.sleep(20);
        }
        throw new AssertionError("no URL printed: " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
