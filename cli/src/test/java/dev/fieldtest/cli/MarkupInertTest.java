package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model output full of markup ({@link InertHtml#PAYLOAD}) is text in report.html, compare's page and the dashboard's pages. */
class MarkupInertTest {
    @TempDir Path dir;
    private final FakeOpenAiServer model = FakeOpenAiServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void theCheckCatchesEachPayloadWhenItIsNotEscaped() {
        String page = "<html><head><title>t</title></head><body><pre>%s</pre></body></html>";
        for (String raw : List.of("<script>window.__pwned=1</script>", "<img src=x onerror=\"window.__pwned=1\">", "\"><svg onload=window.__pwned=1>",
                "<a href=\"javascript:alert(1)\">x</a>", "</textarea>", "</title><script>document.title='pwned'</script>")) {
            String html = raw.equals("</textarea>") ? "<textarea>" + raw + "</textarea>" : page.formatted(raw);
            assertThatThrownBy(() -> InertHtml.assertInert(html, "raw")).as(raw).isInstanceOf(AssertionError.class);
        }
        InertHtml.assertInert(page.formatted(dev.fieldtest.report.HtmlEscape.text(InertHtml.PAYLOAD)), "escaped");
    }

    @Test
    void reportHtmlCarriesTheOutputOnlyAsEscapedData() throws Exception {
        model.respondWith(r -> Behavior.reply(InertHtml.PAYLOAD));
        Path run = run("r1", dir.resolve("h.duckdb"));
        Document doc = InertHtml.assertInert(Files.readString(run.resolve("report.html")), "report.html");
        Element data = doc.selectFirst("script[type=application/json]");
        assertThat(data).isNotNull();
        assertThat(data.data()).doesNotContain("</").contains("\\u003cscript\\u003e");
        assertThat(new ObjectMapper().readTree(data.data()).findValuesAsText("output")).contains(InertHtml.PAYLOAD);
    }

    @Test
    void compareHtmlShowsBothOutputsAsText() throws Exception {
        model.respondWith(r -> Behavior.reply("Paris " + InertHtml.PAYLOAD));
        Path a = run("a", dir.resolve("h.duckdb"));
        model.respondWith(r -> Behavior.reply(InertHtml.PAYLOAD));
        Path b = run("b", dir.resolve("h.duckdb"));
        Path page = dir.resolve("compare.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CapturedMain.execute(out, err, "compare", a.toString(), b.toString(), "--html", page.toString());
        Document doc = InertHtml.assertInert(Files.readString(page), "compare.html");
        // Outputs are cut to CompareHtml.CUT characters and an ellipsis; what is shown is the payload's text, character for character.
        assertThat(doc.select("pre")).extracting(Element::wholeText)
                .contains(("Paris " + InertHtml.PAYLOAD).substring(0, CompareHtml.CUT) + "…", InertHtml.PAYLOAD.substring(0, CompareHtml.CUT) + "…");
    }

    @Test
    void theDashboardsRunListAndRunPagesKeepTheOutputInert() throws Exception {
        model.respondWith(r -> Behavior.reply(InertHtml.PAYLOAD));
        Path db = dir.resolve("h.duckdb");
        run("r1", db);
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--history", db.toString(), "--port", "0");
        ByteArrayOutputStream sOut = new ByteArrayOutputStream();
        serve.out = new PrintStream(sOut, true, StandardCharsets.UTF_8);
        serve.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return serve.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        URI url = ServeUrl.await(sOut, new ByteArrayOutputStream());
        Matcher id = Pattern.compile("\"run_id\"\\s*:\\s*\"([^\"]+)\"").matcher(ServeUrl.get(http, url.resolve("/api/runs")));
        assertThat(id.find()).isTrue();
        for (String path : List.of("/", "/runs/" + id.group(1), "/metrics", "/production", "/ledger", "/reviews", "/drift")) {
            InertHtml.assertInert(ServeUrl.get(http, url.resolve(path)), "serve " + path);
        }
        serve.stop.countDown();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    private Path run(String name, Path db) throws Exception {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: capitals
                prompt: "Capital of {{country}}?"
                cases:
                  - {id: a, vars: {country: France}, expected: Paris}
                targets:
                  - {id: m, type: openai, base_url: "%s", model: m-1, backoff: 1ms}
                checks: [{type: icontains, value: '{{expected}}'}]
                """.formatted(model.baseUrl()));
        Path out = dir.resolve(name);
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        assertThat(CapturedMain.execute(o, e, "run", suite.toString(), "--out", out.toString(), "--history", db.toString(), "--quiet"))
                .as(e.toString(StandardCharsets.UTF_8)).isIn(0, 1);
        return out;
    }
}
