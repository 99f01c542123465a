package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** report.html of the fixture run ({@link HtmlFixture}) opened via file:// in headless Chromium. */
class ReportHtmlBrowserTest {
    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("report-html");
        page = HtmlFixture.writeRun(dir, true);
        browser = HtmlBrowser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void load() {
        browser.get(page.toUri().toString());
    }

    @Test
    void everyChartIsThereWithOneMarkPerDatum() {
        assertThat(count("#summary-table svg.interval rect.ci")).isEqualTo(2);
        assertThat(count("#chart-heatmap rect.cell")).isEqualTo(2 * 2); // targets × slices (billing, shipping)
        assertThat(texts("#chart-heatmap text.cell-value")).containsExactly("100.0%", "75.0%", "75.0%", "75.0%");
        assertThat(count("#chart-reliability circle.bin")).isEqualTo(6); // alpha bins 7, 8, 9; beta bins 4, 5, 6
        assertThat(count("#chart-latency polyline.cdf")).isEqualTo(2);
        assertThat(count("#chart-passk circle.pt")).isEqualTo(8); // 2 targets × (pass@k, pass^k) × k ∈ {1, 2}
        assertThat(count("#chart-sensitivity rect.bar")).isEqualTo(2); // one variant × 2 targets
        assertThat(count("#chart-tradeoff circle.target-point")).isEqualTo(2);
        assertThat(count("#chart-tradeoff circle.pareto")).isEqualTo(2);
        assertThat(browser.findElement(By.id("pareto-front")).getText()).contains("alpha, beta");
        assertThat(count("#chart-load svg polyline")).isPositive();
        assertThat(count("#paired-table tbody tr")).isEqualTo(1);
        assertThat(count("#properties-table tbody tr")).isEqualTo(1);
    }

    @Test
    void failingOnlyLeavesExactlyTheThreeFailingCalls() {
        assertThat(shownRows()).hasSize(16);
        browser.findElement(By.id("f-failing")).click();
        assertThat(shownRows()).containsExactly("c3|alpha|1", "c2|beta|0", "c1~typos|beta|0");
        assertThat(browser.findElement(By.id("f-count")).getText()).isEqualTo("3 of 16 calls");
    }

    @Test
    void targetSliceAndSearchFiltersNarrowTheTable() {
        choose("f-target", "beta");
        assertThat(shownRows()).hasSize(8).allMatch(r -> r.contains("|beta|"));
        browser.findElement(By.id("f-failing")).click();
        assertThat(shownRows()).containsExactly("c2|beta|0", "c1~typos|beta|0");
        browser.findElement(By.id("f-failing")).click();
        choose("f-target", "");
        choose("f-tag", "billing");
        assertThat(shownRows()).hasSize(8).allMatch(r -> r.startsWith("c1"));
        choose("f-tag", "");
        browser.findElement(By.id("f-search")).sendKeys("WORLDWIDE");
        assertThat(shownRows()).containsExactly("c3|alpha|1");
        browser.findElement(By.id("f-search")).clear();
        browser.findElement(By.id("f-search")).sendKeys("timeout");
        assertThat(shownRows()).containsExactly("c2|beta|0");
    }

    @Test
    void openingACallShowsItsInputOutputVerdictsAndTheSameCaseAcrossTargets() {
        browser.findElement(By.id("f-search")).sendKeys("worldwide");
        browser.findElement(By.cssSelector("#calls-body tr")).click();
        assertThat(browser.findElement(By.id("detail")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#detail-body pre.output")).getText()).isEqualTo("We ship worldwide.");
        assertThat(texts("#detail-body pre.input")).containsExactly("system: You answer support questions.", "user: Question for c3 <b>please</b>");
        assertThat(texts("#detail-body ul.verdicts li")).containsExactly("contains: fail — does not contain \"free returns\"");
        assertThat(texts("#compare .col h4")).containsExactly("alpha", "beta");
        assertThat(texts("#compare .col[data-target='beta'] pre.output")).containsExactly("Free returns on all orders.", "Free returns, always.");
        assertThat(count("#compare .call")).isEqualTo(4);
    }

    @Test
    void hostileOutputStaysInertAndIsShownLiterally() {
        choose("f-target", "beta");
        browser.findElement(By.id("f-failing")).click();
        browser.findElements(By.cssSelector("#calls-body tr")).get(1).click();
        assertThat(browser.findElement(By.cssSelector("#detail-body pre.output")).getText()).isEqualTo(HtmlFixture.HOSTILE);
        assertThat(texts("#detail-body ul.verdicts li")).containsExactly("contains: fail — expected \"refund\" in </script><b>bold</b>");
        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.executeScript("return document.scripts.length")).isEqualTo(2L); // the data block and the page's own script
        assertThat(browser.executeScript("return document.images.length + document.querySelectorAll('b').length")).isEqualTo(0L);
        assertThat(browser.getTitle()).isEqualTo("fieldtest: support <desk> · 20261129-093500-abcd");
        screenshot("report-html-hostile.png"); // for a person to look at: target/report-html-hostile.png
    }

    @Test
    void thePageMakesNoNetworkRequestAndItsOwnStyleAndScriptRun() {
        assertThat(browser.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(browser.executeScript("return getComputedStyle(document.body).maxWidth")).isEqualTo("1200px"); // the hashed style applied
        assertThat(count("#calls-body tr")).isEqualTo(16); // the hashed script ran
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Picks an option the way a person does (a click on it), which fires the select's change event. */
    private static void choose(String selectId, String value) {
        browser.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
    }

    private static int count(String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The explorer's visible rows as case|target|repeat. */
    private static List<String> shownRows() {
        return browser.findElements(By.cssSelector("#calls-body tr")).stream().map(tr -> {
            List<WebElement> td = tr.findElements(By.tagName("td"));
            return td.get(0).getText() + "|" + td.get(1).getText() + "|" + td.get(2).getText();
        }).toList();
    }
}
