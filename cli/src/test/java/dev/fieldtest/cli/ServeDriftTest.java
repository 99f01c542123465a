package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.serve.DriftSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --suite and --drift-model: what the /drift page gets, and exit 2 with the fix for a suite that does not load. */
class ServeDriftTest {
    @TempDir Path dir;

    @Test
    void noSuiteMeansNoDriftPageAndNoneMeansDescriptorsOnly() throws Exception {
        assertThat(ServeDrift.source(null, "all-minilm-l6-v2")).isNull();
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                prompt: "{{q}}"
                cases: [{id: a, vars: {q: x}}, {id: b, vars: {q: y}}]
                targets: [{id: t, type: openai, base_url: "http://127.0.0.1:1/v1", model: m}]
                """);
        DriftSource none = ServeDrift.source(suite, "none");
        assertThat(none.embed()).isNull();
        assertThat(none.coverageThreshold()).isEqualTo(0.6);
        DriftSource e5 = ServeDrift.source(suite, "e5-small-v2");
        assertThat(e5.model()).isEqualTo("e5-small-v2");
        assertThat(e5.coverageThreshold()).isEqualTo(0.9); // e5's cosines crowd near 1 (docs/drift.md)
        // The default model is loaded on first use and embeds as fieldtest drift does: all-MiniLM-L6-v2 gives 384-dimensional unit vectors.
        DriftSource minilm = ServeDrift.source(suite, "all-minilm-l6-v2");
        float[] v = minilm.embed().apply("where is my parcel");
        double norm = 0;
        for (float x : v) norm += x * x;
        assertThat(v).hasSize(384);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThatThrownBy(() -> ServeDrift.source(suite, "bert")).hasMessageContaining("--drift-model bert is not an embedding model").hasMessageContaining("or none");
    }

    @Test
    void aSuiteThatDoesNotLoadIsExit2NamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: [\n");
        Path db = dir.resolve("h.duckdb");
        try (var h = dev.fieldtest.history.RunHistory.open(db)) {
            h.runs();
        }
        ServeCommand serve = new ServeCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        serve.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        new picocli.CommandLine(serve).parseArgs("--history", db.toString(), "--port", "0", "--suite", bad.toString());
        assertThat(serve.call()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--suite " + bad + " does not load: ").contains("bad.yaml:");
    }

    @Test
    void serveWithASuiteShowsDriftWithTheRealEmbeddingModel() throws Exception {
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                prompt: "{{q}}"
                cases: [{id: a, vars: {q: where is my parcel}}, {id: b, vars: {q: I want a refund}}]
                targets: [{id: t, type: openai, base_url: "http://127.0.0.1:1/v1", model: m}]
                """);
        Path db = dir.resolve("h.duckdb");
        try (var h = dev.fieldtest.history.RunHistory.open(db)) {
            List<dev.fieldtest.history.ProductionSpan> spans = new java.util.ArrayList<>();
            String[] texts = {"where is my parcel", "I want a refund", "<script>window.__pwned=1</script>"};
            for (int i = 0; i < 3; i++) {
                spans.add(new dev.fieldtest.history.ProductionSpan("0" + (i + 1), "0" + (i + 1), "support", "chat", "openai", "m", "m", null, null,
                        java.time.Instant.parse("2026-11-2" + i + "T10:00:00Z"), 100.0, null, null, null, List.of(), null,
                        "[{\"role\":\"user\",\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(texts[i]) + "}]", null, null, "{}"));
            }
            h.production().add(spans);
        }
        ServeCommand serve = new ServeCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        serve.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        serve.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        new picocli.CommandLine(serve).parseArgs("--history", db.toString(), "--port", "0", "--suite", suite.toString());
        var exit = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return serve.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        java.net.URI url = null;
        for (int i = 0; i < 300 && url == null; i++) {
            var m = java.util.regex.Pattern.compile("fieldtest serve: (http://\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) url = java.net.URI.create(m.group(1));
            else Thread.sleep(50);
        }
        assertThat(url).as("serve printed its URL; stderr: " + err).isNotNull();
        String page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(url.resolve("/drift?feature=support")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        serve.stop.countDown();
        assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(page).contains("2 golden inputs, 3 production inputs", "<h2>Embeddings (all-minilm-l6-v2)</h2>", "id=\"farthest\"")
                .contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;").doesNotContain("<script>");
    }
}
