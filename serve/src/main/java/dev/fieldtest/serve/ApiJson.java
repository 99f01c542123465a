package dev.fieldtest.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.MetricPoint;
import dev.fieldtest.history.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/runs} (the same fields as {@code fieldtest history --json}) and {@code /api/series} as JSON for scripts;
 * times are ISO-8601 instants or null. See docs/serve.md.
 */
final class ApiJson {
    static final Set<String> RUNS_PARAMS = Set.of("suite");
    static final Set<String> SERIES_PARAMS = Set.of("target", "metric");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiJson() {}

    static Reply runs(List<RunSummary> all, Map<String, String> q) {
        String suite = q.getOrDefault("suite", "");
        ArrayNode array = JSON.createArrayNode();
        for (RunSummary r : all) {
            if (!suite.isEmpty() && !suite.equals(r.suite())) continue;
            ObjectNode o = array.addObject().put("run_id", r.runId()).put("kind", r.kind().wireName()).put("suite", r.suite()).put("status", r.status())
                    .put("started_at", iso(r.startedAt())).put("finished_at", iso(r.finishedAt())).put("run_dir", r.runDir())
                    .put("fieldtest_version", r.fieldtestVersion()).put("calls", r.calls());
            ObjectNode targets = o.putObject("targets");
            r.headline().forEach((target, head) -> {
                ObjectNode t = targets.putObject(target).put(r.kind().headlineMetric(), head.value());
                if (r.kind().headlineSampleMetric() != null) t.put(r.kind().headlineSampleMetric(), head.n());
            });
        }
        return Reply.json(200, write(array));
    }

    /** Both parameters are required; checked before the history is read. */
    static void validateSeries(Map<String, String> q) {
        for (String p : List.of("target", "metric")) {
            if (q.getOrDefault(p, "").isEmpty()) throw HttpProblem.badRequest("missing query parameter " + p + "; use /api/series?target=T&metric=M, e.g. metric=pass_rate.value");
        }
    }

    static Reply series(String target, String metric, List<MetricPoint> points) {
        if (points.isEmpty()) throw HttpProblem.notFound("no recorded run of target \"" + target + "\" has metric \"" + metric + "\"");
        ObjectNode o = JSON.createObjectNode().put("target", target).put("metric", metric);
        ArrayNode arr = o.putArray("points");
        for (MetricPoint p : points) arr.addObject().put("run_id", p.runId()).put("started_at", iso(p.startedAt())).put("value", p.value());
        return Reply.json(200, write(o));
    }

    static Reply error(int status, String message) {
        return Reply.json(status, write(JSON.createObjectNode().put("status", status).put("error", message)));
    }

    private static String iso(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    private static String write(Object tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }
}
