package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.gate.PropertyResult;
import dev.fieldtest.core.run.AtomicFiles;
import dev.fieldtest.core.spi.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * junit.xml: the run's properties (summary.json {@code properties}) as JUnit XML in the Ant/Jenkins shape
 * that CI systems read, valid against docs/junit.xsd. One {@code <testsuite name="fieldtest properties">}
 * holds one test case per property and target ({@code classname="<suite>.<target>"}); a failed property
 * carries {@code <failure type="fail">}, a missing one {@code <failure type="missing">}. Every name and
 * value is escaped with {@link JunitXml}. Written even when the suite has no properties (then no test cases).
 */
public final class JunitReporter implements Reporter {
    public static final String SUITE_NAME = "fieldtest properties";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public void write(Path runDir, JsonNode summary, List<ScoredCall> rows) throws IOException {
        AtomicFiles.writeString(runDir.resolve(fileName()), render(summary));
    }

    public String render(JsonNode s) {
        String suite = s.path("provenance").path("suite").path("name").asText("suite");
        JsonNode properties = s.path("properties");
        int tests = properties.size();
        int failures = 0;
        for (JsonNode p : properties) if (!"pass".equals(p.path("status").asText())) failures++;
        String time = String.format(Locale.ROOT, "%.3f", s.path("wall_ms").asLong() / 1000.0);
        String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\"";
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"fieldtest\"").append(counts).append(" time=\"").append(time).append("\">\n");
        x.append("  <testsuite name=\"").append(SUITE_NAME).append('"').append(counts).append(" skipped=\"0\" timestamp=\"")
                .append(timestamp(s.path("started_at").asText())).append("\" time=\"").append(time).append("\">\n");
        x.append("    <properties>\n");
        property(x, "suite", suite);
        property(x, "run_id", s.path("run_id").asText());
        property(x, "run_status", s.path("status").asText());
        x.append("    </properties>\n");
        for (JsonNode p : properties) testcase(x, suite, p);
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(name).append("\" value=\"").append(JunitXml.attr(value)).append("\"/>\n");
    }

    private static void testcase(StringBuilder x, String suite, JsonNode p) {
        String target = p.path("target").isTextual() ? p.path("target").asText() : null;
        x.append("    <testcase classname=\"").append(JunitXml.attr(target == null ? suite : suite + "." + target))
                .append("\" name=\"").append(JunitXml.attr(p.path("name").asText())).append("\" time=\"0\"");
        String status = p.path("status").asText();
        if (status.equals("pass")) {
            x.append("/>\n");
            return;
        }
        String metric = p.path("metric").asText();
        String reason = p.path("reason").asText();
        String message = status.equals("fail") ? metric + ": " + reason : reason;
        String value = p.path("value").isNumber() ? PropertyResult.format(p.path("value").asDouble()) : "missing";
        String detail = "metric: " + metric + "\nvalue: " + value + "\nbound: " + PropertiesSection.bound(p)
                + "\nowner: " + p.path("owner").asText() + "\nreview: " + String.join(", ", reviews(p)) + "\n";
        x.append(">\n      <failure message=\"").append(JunitXml.attr(message)).append("\" type=\"").append(status).append("\">")
                .append(JunitXml.text(detail)).append("</failure>\n    </testcase>\n");
    }

    private static List<String> reviews(JsonNode p) {
        List<String> out = new java.util.ArrayList<>();
        p.path("review").forEach(r -> out.add(r.asText()));
        return out;
    }

    /** started_at (an instant) as Ant writes timestamps: UTC, to the second, without a zone. */
    static String timestamp(String startedAt) {
        Instant at;
        try {
            at = Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            at = Instant.EPOCH; // a summary without started_at: still a valid file, plainly not a real time
        }
        return SECONDS.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
