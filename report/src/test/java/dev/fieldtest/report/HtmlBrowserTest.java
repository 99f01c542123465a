package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HtmlBrowserTest {
    @Test
    void aMissingDriverFailsNamingThePackageToInstall() {
        assertThatThrownBy(() -> HtmlBrowser.start(Path.of("/bin/sh"), Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromium-driver").hasMessageContaining("/nonexistent/chromedriver")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void aMissingBrowserFailsNamingThePackageToInstall() {
        assertThatThrownBy(() -> HtmlBrowser.start(Path.of("/nonexistent/chromium"), Path.of("/bin/sh")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Debian's chromium:").hasMessageContaining("/nonexistent/chromium");
    }
}
