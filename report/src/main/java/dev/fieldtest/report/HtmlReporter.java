package dev.fieldtest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.run.AtomicFiles;
import dev.fieldtest.core.spi.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * report.html: one self-contained page (no network access: CSS, script and charts inline, no fonts or images
 * fetched) with the summary per target, the optional paired and properties sections, charts drawn as inline SVG,
 * load-step charts when the run directory has load.json, and a case explorer. Every string from the data is
 * HTML-escaped in Java; the explorer's data sits in a JSON block escaped so it cannot end its script element,
 * and the script shows it with textContent only. A Content-Security-Policy allows nothing but this page's own
 * script and style, by hash. See docs/report-html.md.
 */
public final class HtmlReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSS = resource("html/report.css"), JS = resource("html/report.js");

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public void write(Path runDir, JsonNode summary, List<ScoredCall> rows) throws IOException {
        AtomicFiles.writeString(runDir.resolve(fileName()), render(summary, rows, load(runDir.resolve("load.json"))));
    }

    /** The page; {@code loadJson} null when the run has no load.json. */
    public String render(JsonNode summary, List<ScoredCall> rows, JsonNode loadJson) {
        List<String> targets = HtmlCharts.targets(summary);
        String suite = summary.path("provenance").path("suite").path("name").asText("");
        StringBuilder h = new StringBuilder(64 * 1024).append(head(suite, summary.path("run_id").asText()));
        h.append(HtmlSummary.header(summary));
        h.append("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>").append(loadJson != null ? "<a href=\"#load\">Load</a>" : "")
                .append("<a href=\"#explorer\">Case explorer</a></nav>\n");
        h.append(HtmlSummary.targets(summary)).append(FallbackSection.html(summary)).append(HtmlSections.paired(summary)).append(HtmlSections.properties(summary))
                .append(HtmlSections.comparisons(summary));
        h.append("<section id=\"charts\"><h2>Charts</h2>\n<div class=\"charts\">\n").append(HtmlCharts.heatmap(summary))
                .append(HtmlRowCharts.reliability(summary, rows)).append(HtmlRowCharts.latency(summary, rows)).append(HtmlCharts.passAtK(summary))
                .append(HtmlCharts.sensitivity(summary)).append(HtmlTradeoff.chart(summary)).append("</div></section>\n");
        if (loadJson != null) h.append(loadSection(loadJson));
        h.append(HtmlExplorer.section(targets, rows));
        h.append("<footer class=\"note\">Every call: results.jsonl · every metric: summary.json · this page is computed from both.</footer>\n");
        h.append("<script type=\"application/json\" id=\"ft-data\">").append(HtmlEscape.scriptJson(json(HtmlExplorer.data(targets, rows)))).append("</script>\n");
        h.append("<script>").append(JS).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** The page up to {@code <body>}: the policy, the style and the title, escaped. */
    static String head(String suite, String runId) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy() + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>fieldtest: " + HtmlEscape.text(suite) + " · " + HtmlEscape.text(runId) + "</title>\n"
                + "<style>" + CSS + "</style>\n</head><body>\n";
    }

    /**
     * Nothing may be fetched (default-src 'none'), forms and base URLs are off, and only this page's own script
     * and style run — named by SHA-256, so even markup that escaped escaping could not add a script that runs.
     */
    static String contentSecurityPolicy() {
        return "default-src 'none'; script-src '" + sha256(JS) + "'; style-src '" + sha256(CSS) + "'; base-uri 'none'; form-action 'none'";
    }

    static String loadSection(JsonNode loadJson) {
        StringBuilder h = new StringBuilder("<section id=\"load\"><h2>Load steps</h2>\n");
        if (LoadReport.hasOpenSteps(loadJson)) {
            h.append("<div id=\"chart-load\">").append(LoadChart.svg(loadJson)).append("</div>\n<p class=\"note\">From load.json: per target, corrected "
                    + "latency percentiles and achieved rate against offered rate for every open-loop step; a dashed line marks the collapse step.</p>\n");
        } else {
            h.append("<p class=\"note\">load.json has no open-loop steps: nothing to plot against offered rate (see report.md for the steps).</p>\n");
        }
        return h.append("</section>\n").toString();
    }

    /** load.json beside the results, or null when there is none or it cannot be read (the page then simply omits it). */
    static JsonNode load(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " in the fieldtest-report jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
