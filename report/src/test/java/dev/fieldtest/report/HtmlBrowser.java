package dev.fieldtest.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its chromedriver (packages {@code chromium} and {@code chromium-driver};
 * paths overridable with FIELDTEST_CHROMIUM and FIELDTEST_CHROMEDRIVER). Naming both executables keeps Selenium
 * Manager from trying to download a browser or driver. When either is missing or will not start, it throws with
 * the package to install: a browser test must fail loudly, never skip.
 */
public final class HtmlBrowser {
    private HtmlBrowser() {}

    /** Selenium warns that it has no DevTools bindings for Debian's newer Chromium; the tests use none. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    public static ChromeDriver start() {
        return start(Path.of(env("FIELDTEST_CHROMIUM", "/usr/bin/chromium")), Path.of(env("FIELDTEST_CHROMEDRIVER", "/usr/bin/chromedriver")));
    }

    static ChromeDriver start(Path chromium, Path driver) {
        SELENIUM.setLevel(Level.SEVERE);
        if (!Files.isExecutable(chromium)) throw missing(chromium, "chromium", null);
        if (!Files.isExecutable(driver)) throw missing(driver, "chromium-driver", null);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2000",
                        "--allow-file-access-from-files", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        try {
            return new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            throw missing(driver, "chromium and chromium-driver (same version)", e);
        }
    }

    private static IllegalStateException missing(Path path, String packages, Exception cause) {
        String what = cause == null ? path + " is missing or not executable" : "headless Chromium did not start through " + path + ": " + cause.getMessage();
        return new IllegalStateException("the browser tests (report.html, the dashboard) need Debian's " + packages + ": " + what
                + ". Fix: apt-get install -y chromium chromium-driver (./run-tests and .ci/run do this when run as root).", cause);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
