package dev.fieldtest.serve;

import dev.fieldtest.report.HtmlBrowser;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard's browser tests: Chromium as the report's tests start it ({@link HtmlBrowser}), and page navigation. */
final class Chromium {
    private Chromium() {}

    static ChromeDriver start() {
        return HtmlBrowser.start();
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
