package dev.fieldtest.history.internal;

import dev.fieldtest.history.CallRow;
import dev.fieldtest.history.MetricPoint;
import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunSummary;
import dev.fieldtest.history.TargetMetric;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of {@link dev.fieldtest.history.RunHistory}; every query is parameterised. */
public final class RunQueries {
    // Newest first; a run without a start time (hand-built records) sorts last. Headline: RunKind.headlineMetric.
    private static final String RUNS = """
            SELECT r.run_id, r.kind, r.suite, %s AS started_us, %s AS finished_us,
                   r.status, r.run_dir, r.fieldtest_version, coalesce(c.n, 0) AS calls
            FROM runs r LEFT JOIN (SELECT run_id, count(*) AS n FROM calls GROUP BY run_id) c ON c.run_id = r.run_id
            %s
            ORDER BY r.started_at DESC NULLS LAST, r.run_id DESC""";
    private static final String HEADLINES = """
            SELECT m.run_id, m.target,
                   max(CASE WHEN m.metric = CASE r.kind WHEN 'run' THEN '%s' ELSE '%s' END THEN m.value END) AS headline,
                   max(CASE WHEN r.kind = 'run' AND m.metric = '%s' THEN m.value END) AS n
            FROM target_metrics m JOIN runs r ON r.run_id = m.run_id
            %s
            GROUP BY m.run_id, m.target ORDER BY m.run_id, m.target""".formatted(RunKind.RUN.headlineMetric(), RunKind.LOAD.headlineMetric(),
            RunKind.RUN.headlineSampleMetric(), "%s");

    private RunQueries() {}

    public static List<RunSummary> runs(Connection c, String runId) throws SQLException {
        String where = runId == null ? "" : "WHERE r.run_id = ?";
        Map<String, Map<String, RunSummary.Headline>> headlines = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(HEADLINES.formatted(where.replace("r.run_id", "m.run_id")))) {
            if (runId != null) p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) headlines.computeIfAbsent(r.getString("run_id"), k -> new LinkedHashMap<>())
                        .put(r.getString("target"), headline(r));
            }
        }
        List<RunSummary> out = new ArrayList<>();
        Dialect d = Dialect.of(c);
        try (PreparedStatement p = c.prepareStatement(RUNS.formatted(d.epochMicros("r.started_at"), d.epochMicros("r.finished_at"), where))) {
            if (runId != null) p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("run_id");
                    out.add(new RunSummary(id, RunKind.fromWireName(r.getString("kind")), r.getString("suite"), Sql.instant(r, "started_us"),
                            Sql.instant(r, "finished_us"), r.getString("status"), r.getString("run_dir"), r.getString("fieldtest_version"),
                            r.getLong("calls"), headlines.getOrDefault(id, Map.of())));
                }
            }
        }
        return out;
    }

    private static RunSummary.Headline headline(ResultSet r) throws SQLException {
        Double n = Sql.nullableDouble(r, "n");
        return new RunSummary.Headline(Sql.nullableDouble(r, "headline"), n == null ? null : Math.round(n));
    }

    public static List<MetricPoint> metricSeries(Connection c, String target, String metric) throws SQLException {
        String sql = """
                SELECT m.run_id, %s AS started_us, m.value FROM target_metrics m JOIN runs r ON r.run_id = m.run_id
                WHERE m.target = ? AND m.metric = ? ORDER BY r.started_at NULLS FIRST, m.run_id""".formatted(Dialect.of(c).epochMicros("r.started_at"));
        List<MetricPoint> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, target);
            p.setString(2, metric);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new MetricPoint(r.getString("run_id"), Sql.instant(r, "started_us"), r.getDouble("value")));
            }
        }
        return out;
    }

    /** Distinct target ids with any metric, sorted; with {@code target} given, that target's distinct metric paths. */
    public static List<String> names(Connection c, String target) throws SQLException {
        String sql = target == null ? "SELECT DISTINCT target AS name FROM target_metrics ORDER BY name"
                : "SELECT DISTINCT metric AS name FROM target_metrics WHERE target = ? ORDER BY name";
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (target != null) p.setString(1, target);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(r.getString("name"));
            }
        }
        return out;
    }

    public static List<TargetMetric> metrics(Connection c, String runId) throws SQLException {
        List<TargetMetric> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT target, metric, value FROM target_metrics WHERE run_id = ? ORDER BY target, metric")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new TargetMetric(r.getString("target"), r.getString("metric"), r.getDouble("value")));
            }
        }
        return out;
    }

    public static Optional<String> summaryJson(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT summary FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    public static List<CallRow> calls(Connection c, String runId) throws SQLException {
        List<CallRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM calls WHERE run_id = ? ORDER BY line")) {
            p.setString(1, runId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(call(r));
            }
        }
        return out;
    }

    private static CallRow call(ResultSet r) throws SQLException {
        long in = r.getLong("input_tokens");
        Long input = r.wasNull() ? null : in;
        long outTokens = r.getLong("output_tokens");
        Long output = r.wasNull() ? null : outTokens;
        List<String> tags = new ArrayList<>();
        Array a = r.getArray("tags");
        for (Object t : (Object[]) a.getArray()) tags.add(String.valueOf(t));
        return new CallRow(r.getString("run_id"), r.getInt("line"), r.getString("target"), r.getString("case_id"), r.getInt("repeat"),
                r.getString("variant"), r.getBoolean("passed"), r.getString("error"), Sql.nullableDouble(r, "latency_ms"),
                Sql.nullableDouble(r, "ttft_ms"), Sql.nullableDouble(r, "cost_usd"), input, output, tags, r.getString("row_json"));
    }
}
