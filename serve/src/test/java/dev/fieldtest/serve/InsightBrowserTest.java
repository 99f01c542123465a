package dev.fieldtest.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.serve.otlp.ProductionSettings;
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

/**
 * The production, ledger, review and drift pages in headless Chromium over {@link InsightFixtures}: each is reached from the
 * navigation, has its chart and table, and shows the hostile feature, model, fingerprint, claim and input text literally and inertly.
 */
class InsightBrowserTest {
    private static DashboardServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("serve-insight-browser");
        server = DashboardServer.start(HistoryStore.file(InsightFixtures.record(root)), InetAddress.getLoopbackAddress(), 0, System.err, ProductionSettings.defaults(),
                new DriftSource(root.resolve("suite.yaml"), InsightFixtures.EMBED, "fake-2d", 0.6));
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @Test
    void productionPageFromTheNavigationHasItsChartTableChangesAndScores() {
        open("/");
        Chromium.navigateBy(browser, By.linkText("Production"));
        assertThat(browser.getCurrentUrl()).endsWith("/production");
        // Every feature: support's two models and the hostile feature's one, each a series with one point per day.
        assertThat(browser.findElements(By.cssSelector("#chart-latency circle.pt"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#chart-latency line.mark"))).hasSize(2); // support's response model, the hostile fingerprint
        assertThat(texts("#production tbody tr td:first-child")).containsExactly(RunDirs.SCRIPT, "support", "support");
        assertThat(texts("#production tbody tr td:nth-child(2)")).containsExactly(RunDirs.IMG, "gpt-4o-2024-08-06", "gpt-4o-2024-11-20");
        assertThat(texts("#changes tbody td:nth-child(6)")).contains(RunDirs.SCRIPT); // the fingerprint changed to the script text
        assertThat(titles("#chart-latency line.mark title")).anyMatch(t -> t.contains("fp-1 → " + RunDirs.SCRIPT));
        assertThat(texts("#scores tbody td:nth-child(9)")).contains(RunDirs.IMG + " 1", "tone 2");
        browser.findElement(By.cssSelector("#feature option[value='support']")).click();
        browser.findElement(By.cssSelector("#window option[value='week']")).click();
        Chromium.navigateBy(browser, By.id("show"));
        assertThat(browser.getCurrentUrl()).endsWith("/production?feature=support&window=week");
        assertThat(texts("#production tbody tr td:nth-child(4)")).containsExactly("4", "2");
        assertInert();
    }

    @Test
    void ledgerPageHasAChartPerClaimRowWithTheClaimLine() {
        open("/ledger");
        List<WebElement> gaps = browser.findElements(By.cssSelector("section.gap"));
        assertThat(gaps).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("section.gap svg line.level"))).hasSize(3);
        assertThat(texts("section.gap h2")).contains("openai/" + RunDirs.IMG + " · error_rate (feature " + RunDirs.SCRIPT + ")");
        assertThat(texts("section.gap table.claims td:nth-child(3)")).contains(RunDirs.SCRIPT); // the hostile claim's version
        // The hostile feature's spans: 1 error (error.type is the img tag) of 3 in the week of 16 Nov.
        assertThat(titles("section.gap svg circle.pt title")).contains("production 0.333333 (n=3), week of 2026-11-16");
        assertThat(texts("#realisation tbody tr")).containsExactly("openai pass_rate.value 2 0.790569 0.75 – 0.833333");
        assertInert();
    }

    @Test
    void reviewsPageShowsEachFeatureAndItsReviews() {
        open("/reviews?today=2026-11-18");
        assertThat(texts("section.feature h2")).containsExactly(RunDirs.SCRIPT, "support");
        assertThat(texts("table.reviews tr.overdue td:nth-child(5)")).containsExactly("week4");
        assertThat(texts("table.reviews tr.signed td:nth-child(8)")).containsExactly("Bo: ok");
        assertThat(browser.findElement(By.cssSelector("section.feature p")).getText()).contains("owner " + RunDirs.IMG);
        assertInert();
    }

    @Test
    void driftPageShowsDescriptorsCoverageAndTheFarthestInputLiterally() {
        open("/drift?feature=" + Uris.encode(RunDirs.SCRIPT));
        assertThat(texts("#descriptors tbody td:first-child")).containsExactly("length_chars", "length_tokens", "language", "structure", "topic");
        assertThat(browser.findElements(By.cssSelector("svg.bins"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#chart-language rect.production"))).isNotEmpty();
        // The three hostile inputs embed orthogonally to every golden case: cosine 0 < 0.6, all uncovered.
        assertThat(browser.findElement(By.id("coverage")).getText()).startsWith("uncovered: 3 of 3 (100.0%");
        assertThat(texts("#farthest td.example")).hasSize(3).allMatch(t -> t.equals(InsightFixtures.HOSTILE_TEXT));
        assertInert();
    }

    private static void assertInert() {
        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.executeScript("return document.scripts.length + document.images.length")).isEqualTo(0L);
        assertThat(browser.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
    }

    private static void open(String path) {
        browser.get(server.url() + path.substring(1));
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static List<String> titles(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("textContent")).toList();
    }
}
