package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsCodec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * report.html and a load run's page in headless Chromium, with model output and names full of markup: every
 * payload sets window.__pwned or document.title if it runs, and none does; the output is shown as its own text.
 */
class MarkupInertBrowserTest {
    static final String PAYLOAD = "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> \"><svg onload=window.__pwned=1> "
            + "'><svg/onload=window.__pwned=1> [click](javascript:window.__pwned=1) <a href=\"javascript:window.__pwned=1\">link</a> "
            + "</textarea><script>window.__pwned=1</script> </title><script>document.title='pwned'</script> "
            + "<iframe src=\"javascript:window.__pwned=1\"></iframe> </pre></td></tr></table><b onmouseover=window.__pwned=1>x</b> <!-- end";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = HtmlBrowser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void hostileOutputInReportHtmlIsShownAsTextAndRunsNothing() throws Exception {
        Path dir = Files.createTempDirectory("markup-inert");
        new HtmlReporter().write(dir, HtmlFixture.summary(), hostileRows());
        browser.get(dir.resolve("report.html").toUri().toString());
        String title = browser.getTitle();
        assertThat(title).isEqualTo("fieldtest: support <desk> · 20261129-093500-abcd");

        browser.findElement(By.id("f-search")).sendKeys("svg onload");
        List<?> rows = browser.findElements(By.cssSelector("#calls-body tr"));
        assertThat(rows).hasSize(1);
        browser.findElement(By.cssSelector("#calls-body tr")).click();
        assertThat(browser.findElement(By.cssSelector("#detail-body pre.output")).getText()).isEqualTo(PAYLOAD);
        assertThat(browser.findElements(By.cssSelector("#detail-body ul.verdicts li")).get(0).getText()).isEqualTo("contains: fail — " + PAYLOAD);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.cssSelector("#detail-body pre.output"))).perform();

        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).isEqualTo(title);
        assertThat(browser.executeScript("return document.querySelectorAll('iframe, textarea, img, svg[onload], [onerror], [onmouseover], a[href^=\"javascript:\"]').length"))
                .isEqualTo(0L);
        assertThat(browser.executeScript("return document.scripts.length")).isEqualTo(2L); // the data block and the page's own script
    }

    @Test
    void hostileNamesOnTheLoadPageAreShownAsTextAndRunNothing() throws Exception {
        ObjectNode load = (ObjectNode) LoadFixtures.read("sweep").deepCopy();
        ((ObjectNode) load.path("suite")).put("name", PAYLOAD);
        load.put("abort_reason", PAYLOAD);
        load.withArray("targets").forEach(t -> ((ObjectNode) t).put("target", PAYLOAD));
        Path dir = Files.createTempDirectory("markup-inert-load");
        LoadReport.write(dir, load);
        browser.get(dir.resolve("report.html").toUri().toString());

        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).startsWith("fieldtest: " + PAYLOAD.substring(0, 20)).isNotEqualTo("pwned");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("fieldtest load: " + PAYLOAD.strip());
        assertThat(browser.executeScript("return document.querySelectorAll('script, iframe, textarea, img, [onload], [onerror], [onmouseover], a[href^=\"javascript:\"]').length"))
                .isEqualTo(0L);
    }

    /** The fixture's rows with the hostile call's output and check detail replaced by {@link #PAYLOAD}. */
    private static List<ScoredCall> hostileRows() throws Exception {
        String results;
        try (InputStream in = MarkupInertBrowserTest.class.getResourceAsStream("/html-fixture/results.jsonl")) {
            results = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return results.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                ObjectNode row = (ObjectNode) JSON.readTree(l);
                if (row.path("output").asText().contains("__pwned")) {
                    row.put("output", PAYLOAD);
                    ((ObjectNode) row.withArray("verdicts").get(0)).put("detail", PAYLOAD);
                }
                return ResultsCodec.decode(JSON.writeValueAsString(row));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
