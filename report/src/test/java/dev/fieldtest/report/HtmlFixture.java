package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.ResultsCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small hand-made run under src/test/resources/html-fixture: targets alpha and beta, repeat 2, cases c1 (billing),
 * c2 and c3 (shipping) and c1~typos (variant typos, billing). Failing calls: alpha c3 #1 (a check failed), beta
 * c2 #0 (timeout) and beta c1~typos #0, whose output is {@link #HOSTILE}. summary.json's numbers were worked out
 * by hand from those rows (Wilson intervals, ECE and Brier with a separate script).
 */
final class HtmlFixture {
    static final String HOSTILE = "Payment <script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=1\"> "
            + "</script><script>window.__pwned=1</script> <!-- end";

    private HtmlFixture() {}

    static JsonNode summary() {
        try {
            return new ObjectMapper().readTree(text("summary.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ScoredCall> rows() {
        return text("results.jsonl").lines().filter(l -> !l.isBlank()).map(ResultsCodec::decode).toList();
    }

    /** Writes report.html for the fixture into {@code dir} (with load.json from the sweep load fixture when asked); returns the page's path. */
    static Path writeRun(Path dir, boolean withLoad) throws IOException {
        if (withLoad) Files.writeString(dir.resolve("load.json"), new ObjectMapper().writeValueAsString(LoadFixtures.read("sweep")));
        new HtmlReporter().write(dir, summary(), rows());
        return dir.resolve("report.html");
    }

    private static String text(String name) {
        try (InputStream in = HtmlFixture.class.getResourceAsStream("/html-fixture/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
