package dev.fieldtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.run.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * report.md of a load run, rendered from load.json (docs/load-json.md) alone: the run's settings and SLOs, then
 * per target its cold start, one table row per step, where it collapsed, the highest rate that met every SLO
 * and whether quality changed beyond its intervals as load changed. Every string taken from load.json is
 * escaped with {@link Markdown#inline}; a figure that was not measured reads "—". The page links
 * {@code load.svg} ({@link LoadChart}) when, and only when, the run has open-loop steps.
 */
public final class LoadReport {
    private static final String BANNER = "These numbers are measurements of this machine and this run, not verdicts: "
            + "another machine, network or hour will measure others.";

    private LoadReport() {}

    /** Writes {@code report.md} and {@code report.html} into {@code dir}, and {@code load.svg} when the run has open-loop steps. */
    public static void write(Path dir, JsonNode loadJson) throws IOException {
        AtomicFiles.writeString(dir.resolve("report.md"), markdown(loadJson));
        AtomicFiles.writeString(dir.resolve("report.html"), HtmlLoadPage.render(loadJson));
        if (hasOpenSteps(loadJson)) AtomicFiles.writeString(dir.resolve("load.svg"), LoadChart.svg(loadJson));
    }

    /** The report as Markdown, short enough for a pull-request comment. */
    public static String markdown(JsonNode loadJson) {
        StringBuilder md = new StringBuilder("# fieldtest load: ").append(text(loadJson.path("suite").path("name"), 80)).append("\n\n");
        md.append("> ").append(BANNER).append("\n\n");
        md.append(runLine(loadJson)).append("  \n").append(sloLine(loadJson.path("slo"))).append("\n\n");
        if ("aborted".equals(loadJson.path("status").asText()) || loadJson.hasNonNull("abort_reason")) {
            md.append("**Aborted:** ").append(loadJson.hasNonNull("abort_reason") ? text(loadJson.path("abort_reason"), 300) : "no reason recorded")
                    .append(". Steps hold what was measured before.\n\n");
        }
        if (hasOpenSteps(loadJson)) md.append("![Corrected latency and achieved rate against offered rate](load.svg)\n\n");
        loadJson.path("targets").forEach(t -> target(md, t));
        return md.append("Every figure: `load.json`; every request: `requests.jsonl`.\n").toString();
    }

    static boolean hasOpenSteps(JsonNode loadJson) {
        for (JsonNode t : loadJson.path("targets")) {
            for (JsonNode s : t.path("steps")) if ("open".equals(s.path("kind").asText())) return true;
        }
        return false;
    }

    private static String runLine(JsonNode load) {
        JsonNode s = load.path("settings");
        List<String> parts = new ArrayList<>(List.of("**" + text(load.path("status"), 20) + "**", "profile " + text(load.path("profile"), 20)));
        if (s.path("duration_s").isNumber()) {
            parts.add(LoadFigures.number(s.path("duration_s")) + " s per step (warm-up " + LoadFigures.number(s.path("warm_up_s"))
                    + " s, cool-down " + LoadFigures.number(s.path("cool_down_s")) + " s)");
        }
        if (s.hasNonNull("arrival")) parts.add(text(s.path("arrival"), 20) + " arrivals");
        if (s.path("max_in_flight").isNumber()) parts.add("at most " + s.path("max_in_flight").asLong() + " in flight");
        if (s.path("seed").isNumber()) parts.add("seed " + s.path("seed").asLong());
        if (s.path("quality_sample").isNumber()) parts.add("quality sample " + s.path("quality_sample").asLong());
        return String.join(" · ", parts);
    }

    private static String sloLine(JsonNode slo) {
        List<String> parts = new ArrayList<>();
        if (slo.path("latency_ms").isNumber()) parts.add("latency ≤ " + LoadFigures.number(slo.path("latency_ms")) + " ms");
        if (slo.path("ttft_ms").isNumber()) parts.add("TTFT ≤ " + LoadFigures.number(slo.path("ttft_ms")) + " ms");
        if (slo.path("tpot_ms").isNumber()) parts.add("TPOT ≤ " + LoadFigures.number(slo.path("tpot_ms")) + " ms");
        if (slo.path("goodput").isNumber()) parts.add("goodput ≥ " + Figures.percent(slo.path("goodput"), ""));
        if (slo.path("max_error_rate").isNumber()) parts.add("errors ≤ " + Figures.percent(slo.path("max_error_rate"), ""));
        return "SLOs: " + (parts.isEmpty() ? "none given" : String.join(" · ", parts));
    }

    private static void target(StringBuilder md, JsonNode t) {
        md.append("## ").append(text(t.path("target"), 60)).append("\n\n");
        JsonNode cold = t.path("cold_start");
        if (cold.isObject()) {
            md.append("Cold start (the run's first request): ").append(cold.hasNonNull("error")
                    ? "failed, " + text(cold.path("error"), 120)
                    : Figures.millis(cold.path("latency_ms"), LoadFigures.MISSING) + " ms, TTFT "
                            + Figures.millis(cold.path("ttft_ms"), LoadFigures.MISSING) + (cold.path("ttft_ms").isNumber() ? " ms" : ""))
                    .append(".\n\n");
        }
        JsonNode steps = t.path("steps");
        if (steps.isEmpty()) {
            md.append("No step was measured.\n\n");
            return;
        }
        md.append(LoadStepTable.render(steps)).append('\n');
        List<String> sentences = new ArrayList<>();
        sentences.add(collapse(t.path("collapse"), steps));
        boolean open = false;
        for (JsonNode s : steps) open |= "open".equals(s.path("kind").asText());
        if (open) {
            sentences.add(t.path("max_sustained_rps").isNumber()
                    ? "Highest rate meeting every SLO: " + LoadFigures.number(t.path("max_sustained_rps")) + " rps."
                    : "No valid step met every SLO.");
        }
        String trend = QualityTrend.sentence(steps);
        if (!trend.isEmpty()) sentences.add(trend);
        md.append(String.join(" ", sentences)).append("\n\n");
    }

    private static String collapse(JsonNode c, JsonNode steps) {
        if (!c.isObject()) return "No step collapsed.";
        String load = c.path("offered_rps").isNumber() ? LoadFigures.number(c.path("offered_rps")) + " rps" : LoadFigures.MISSING;
        for (JsonNode s : steps) if (s.path("index").asInt() == c.path("index").asInt()) load = LoadFigures.load(s);
        return "Collapsed at step " + c.path("index").asInt() + " (" + load + "): " + text(c.path("reason"), 200) + ".";
    }

    private static String text(JsonNode n, int max) {
        return n.isValueNode() && !n.isNull() ? Markdown.inline(n.asText(), max) : LoadFigures.MISSING;
    }
}
