package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads every malformed suite in src/test/resources/hostile through {@link SuiteLoader#load}, the CLI's entry,
 * and expects a {@link ConfigException} naming the file, the line (and column) and what is wrong.
 * A suite's first three comment lines say what to expect; files that cannot hold comments are listed in index.txt.
 */
class HostileInputTest {
    /** One malformed input: the suite to load, a substring of the error, where ("L:C", "L:" or "none"), in which file. */
    record Hostile(Path suite, String expect, String at, String in) {
        @Override
        public String toString() {
            return suite.getFileName().toString();
        }
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(HostileInputTest.class.getResource("/hostile").toURI());
    }

    static List<Hostile> cases() throws IOException, URISyntaxException {
        Path dir = corpus();
        List<Hostile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> head = headerOf(f);
                if (head.size() == 3) out.add(new Hostile(f, value(head.get(0), "expect"), value(head.get(1), "at"), value(head.get(2), "in")));
            }
        }
        for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split("\\|");
            out.add(new Hostile(dir.resolve(p[0].trim()), p[1].trim(), p[2].trim(), p[3].trim()));
        }
        return out;
    }

    /** The "# expect/at/in" lines, read as bytes so binary files listed in index.txt do not break listing. */
    private static List<String> headerOf(Path f) throws IOException {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        return text.lines().limit(3).filter(l -> l.startsWith("# expect:") || l.startsWith("# at:") || l.startsWith("# in:")).toList();
    }

    private static String value(String line, String key) {
        assertThat(line).as("header line").startsWith("# " + key + ":");
        return line.substring(key.length() + 3).trim();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsMalformedInputWithItsLocation(Hostile h) {
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                SuiteLoader.load(h.suite());
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, "loading must not hang");
        assertThat(thrown).as("loading %s must fail", h).isNotNull();
        assertThat(thrown).as("the loader's own error, not a raw one").isInstanceOf(ConfigException.class);
        String message = thrown.getMessage();
        String name = Path.of(h.in()).getFileName().toString();
        assertThat(message).contains(h.expect());
        if (h.at().equals("none")) assertThat(message).contains(name);
        else assertThat(message).contains(name + ":" + h.at());
    }

    @Test
    void corpusHoldsAtLeastThirtyMalformedInputs() throws Exception {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases()).extracting(h -> Files.exists(h.suite())).containsOnly(true);
    }
}
