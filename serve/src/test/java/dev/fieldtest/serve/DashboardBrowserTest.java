package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.history.HistoryStore;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in headless Chromium, over the runs of {@link RunDirs}: what a person sees and clicks. */
class DashboardBrowserTest {
    private static DashboardServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("serve-browser");
        server = DashboardServer.start(HistoryStore.file(RunDirs.recordAll(root)), InetAddress.getLoopbackAddress(), 0, System.err);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void theListShowsExactlyTheRecordedRunsAndFiltersBySuite() {
        open("/");
        assertThat(rowIds()).containsExactly(RunDirs.LOAD, RunDirs.B, RunDirs.HOSTILE, RunDirs.A);
        assertThat(texts("#runs tr[data-run-id='" + RunDirs.A + "'] ul.headline li")).containsExactly("m: 50.0% (n=4)");
        assertThat(texts("#runs tr[data-run-id='" + RunDirs.LOAD + "'] ul.headline li")).containsExactly("m: 20 rps max sustained");
        assertThat(texts("#runs tr[data-run-id='" + RunDirs.B + "'] td")).startsWith(RunDirs.B, "run", "capitals", "complete", "2026-11-22 09:00:00 UTC");
        browser.findElement(By.cssSelector("#suite option[value='capitals']")).click();
        Chromium.navigateBy(browser, By.id("filter"));
        assertThat(rowIds()).containsExactly(RunDirs.B, RunDirs.A);
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2 of 4 runs of suite capitals");
        assertThat(browser.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(browser.executeScript("return getComputedStyle(document.body).maxWidth")).isEqualTo("1200px"); // the hashed style applies
    }

    @Test
    void clickingARunOpensItsReportAndTheReportsOwnScriptRuns() {
        open("/");
        Chromium.navigateBy(browser, By.linkText(RunDirs.A));
        assertThat(browser.getTitle()).isEqualTo("fieldtest: capitals · " + RunDirs.A);
        for (String id : List.of("summary", "charts", "explorer")) assertThat(browser.findElements(By.id(id))).as(id).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#calls-body tr"))).hasSize(4); // the explorer's script filled one row per call
        assertThat(browser.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
    }

    @Test
    void aRunWithoutReportHtmlShowsItsRecordedMetrics() {
        open("/");
        Chromium.navigateBy(browser, By.linkText(RunDirs.B));
        assertThat(browser.findElement(By.id("missing")).getText()).startsWith("report.html is missing at ");
        assertThat(texts("#headlines li")).containsExactly("m: 75.0% (n=4)");
        assertThat(texts("#metrics tbody tr")).contains("m latency_ms.p95 120", "m pass_rate.value 0.75", "m pass_rate.passes 3");
    }

    @Test
    void theMetricPageDrawsOnePointPerRunAtTheRecordedValues() {
        open("/metrics");
        browser.findElement(By.cssSelector("#target option[value='m']")).click();
        Chromium.navigateBy(browser, By.id("show"));
        browser.findElement(By.cssSelector("#metric option[value='pass_rate.value']")).click();
        Chromium.navigateBy(browser, By.id("show"));
        assertThat(browser.getCurrentUrl()).endsWith("/metrics?target=m&metric=pass_rate.value");
        List<WebElement> pts = browser.findElements(By.cssSelector("#chart-series circle.pt"));
        assertThat(pts).hasSize(2);
        assertThat(titles("#chart-series circle.pt title")).containsExactly(
                RunDirs.A + ": 0.5 (started 2026-11-20 09:00:00 UTC)", RunDirs.B + ": 0.75 (started 2026-11-22 09:00:00 UTC)");
        // Hand-computed: plot x 62..486 px (520 wide, margins 62 and 34), y 16..256 px; rate axis 0..1; x = hours since the
        // first run, axis 0..50 h. A: x 0 h → 62.0, y 0.5 → 16 + 240·0.5 = 136.0;  B: x 48 h → 62 + 424·48/50 = 469.0, y 0.75 → 16 + 240·0.25 = 76.0.
        assertThat(pts).extracting(p -> p.getAttribute("cx") + "," + p.getAttribute("cy")).containsExactly("62.0,136.0", "469.0,76.0");
        assertThat(texts("#points tbody tr")).containsExactly(RunDirs.A + " 2026-11-20 09:00:00 UTC 0.5", RunDirs.B + " 2026-11-22 09:00:00 UTC 0.75");

        open("/metrics?target=m&metric=latency_ms.p95"); // not a rate: y axis 0..200 ms (step 50)
        assertThat(browser.findElements(By.cssSelector("#chart-series circle.pt"))).extracting(p -> p.getAttribute("cy"))
                .containsExactly("16.0", "112.0"); // 200 → top; 120 → 16 + 240·(1 − 120/200) = 112.0
    }

    @Test
    void markupInSuiteTargetRunIdAndRunDirectoryStaysInertAndLiteral() {
        open("/");
        assertThat(browser.findElement(By.cssSelector("#runs tr[data-run-id='h<i>1</i>'] td.suite")).getText()).isEqualTo(RunDirs.SCRIPT);
        assertThat(texts("#runs tr[data-run-id='h<i>1</i>'] span.target")).containsExactly(RunDirs.IMG);
        assertThat(texts("#suite option")).contains(RunDirs.SCRIPT);
        assertInert();
        Chromium.navigateBy(browser, By.linkText(RunDirs.HOSTILE));
        assertThat(browser.findElement(By.id("run-id")).getText()).isEqualTo(RunDirs.HOSTILE);
        assertThat(browser.findElement(By.cssSelector("#facts td.suite")).getText()).isEqualTo(RunDirs.SCRIPT);
        assertThat(browser.findElement(By.cssSelector("#facts td.run-directory")).getText()).endsWith("/" + RunDirs.SCRIPT);
        assertThat(texts("#headlines span.target")).containsExactly(RunDirs.IMG);
        assertInert();
        open("/metrics?target=" + Uris.encode(RunDirs.IMG) + "&metric=pass_rate.value");
        assertThat(browser.findElements(By.cssSelector("#chart-series circle.pt"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#series h2")).getText()).isEqualTo(RunDirs.IMG + " · pass_rate.value");
        assertThat(titles("#chart-series circle.pt title")).containsExactly(RunDirs.HOSTILE + ": 1 (started 2026-11-21 09:00:00 UTC)");
        assertInert();
    }

    private static void assertInert() {
        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.executeScript("return document.scripts.length + document.images.length + document.querySelectorAll('i').length")).isEqualTo(0L);
    }

    private static void open(String path) {
        browser.get(server.url() + path.substring(1));
    }

    private static List<String> rowIds() {
        return browser.findElements(By.cssSelector("#runs tbody tr")).stream().map(tr -> tr.getAttribute("data-run-id")).toList();
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<String> titles(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("textContent")).toList();
    }
}
