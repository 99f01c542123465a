package dev.fieldtest.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, as the report module's browser tests start it (same
 * FIELDTEST_CHROMIUM / FIELDTEST_CHROMEDRIVER overrides; build-support/browser.sh installs both). Both paths are
 * named so Selenium Manager never downloads anything; a missing browser fails the test with the fix, never skips it.
 */
final class Chromium {
    private Chromium() {}

    static ChromeDriver start() {
        Path chromium = Path.of(orDefault(System.getenv("FIELDTEST_CHROMIUM"), "/usr/bin/chromium"));
        Path driver = Path.of(orDefault(System.getenv("FIELDTEST_CHROMEDRIVER"), "/usr/bin/chromedriver"));
        for (Path p : new Path[] {chromium, driver}) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("the dashboard's browser tests need " + p + ". Fix: apt-get install -y chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2000", "--no-first-run");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build(), options);
    }

    private static String orDefault(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Clicks what loads another page and waits for that page: a new page has a new window, without the old one's mark. */
    static void navigateBy(ChromeDriver browser, org.openqa.selenium.By what) {
        browser.executeScript("window.__ftOldPage = true");
        browser.findElement(what).click();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Boolean.TRUE.equals(browser.executeScript("return window.__ftOldPage === undefined && document.readyState === 'complete'"))) {
            if (System.nanoTime() > deadline) throw new AssertionError("clicking " + what + " loaded no new page within 10 s");
            Thread.onSpinWait();
        }
    }
}
