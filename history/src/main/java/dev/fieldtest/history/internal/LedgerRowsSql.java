package dev.fieldtest.history.internal;

import dev.fieldtest.history.LedgerRows;
import dev.fieldtest.history.TargetMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rows {@link dev.fieldtest.history.Ledger} reads from other tables (runs, target_metrics, production spans and scores) for gap and review. Parameterised. */
public final class LedgerRowsSql {
    private LedgerRowsSql() {}

    /** Recorded runs of kind run (of one suite when {@code suite} is set), oldest start first, with summary.json. */
    public static List<LedgerRows.Run> runs(Connection c, String suite) throws SQLException {
        List<LedgerRows.Run> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, " + Dialect.of(c).epochMicros("started_at") + " AS started_us, suite, summary FROM runs "
                + "WHERE kind = 'run' AND (? IS NULL OR suite = ?) ORDER BY started_at NULLS FIRST, run_id")) {
            Sql.setString(p, 1, suite);
            Sql.setString(p, 2, suite);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new LedgerRows.Run(r.getString("run_id"), Sql.instant(r, "started_us"), r.getString("suite"), r.getString("summary")));
            }
        }
        return out;
    }

    /** Every target_metrics row whose metric is one of {@code metrics}, as run_id → rows. */
    public static java.util.Map<String, List<TargetMetric>> metrics(Connection c, Collection<String> metrics) throws SQLException {
        java.util.Map<String, List<TargetMetric>> out = new java.util.HashMap<>();
        if (metrics.isEmpty()) return out;
        String marks = String.join(", ", java.util.Collections.nCopies(metrics.size(), "?"));
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, target, metric, value FROM target_metrics WHERE metric IN (" + marks + ")")) {
            int i = 1;
            for (String m : metrics) p.setString(i++, m);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.computeIfAbsent(r.getString("run_id"), k -> new ArrayList<>())
                        .add(new TargetMetric(r.getString("target"), r.getString("metric"), r.getDouble("value")));
            }
        }
        return out;
    }

    /** A model condition on {@code column}: equal ignoring case, or it followed by '-' and a snapshot suffix (LedgerProduction.sameModel). */
    private static final String MODEL = "(CAST(? AS VARCHAR) IS NULL OR lower(%1$s) = lower(?) OR (starts_with(lower(%1$s), lower(?) || '-') "
            + "AND substr(%1$s, length(?) + 2) ~ '^[0-9][0-9-]*$'))"; // ~ is a full match in DuckDB, a search in PostgreSQL: anchored for both

    /** [from, to) on started_at, either end open when null. */
    private static final String WINDOW = " AND (CAST(? AS TIMESTAMP) IS NULL OR started_at >= CAST(? AS TIMESTAMP)) "
            + "AND (CAST(? AS TIMESTAMP) IS NULL OR started_at < CAST(? AS TIMESTAMP))";

    private static void bind(PreparedStatement p, String feature, String model, Instant from, Instant to) throws SQLException {
        Sql.setString(p, 1, feature);
        Sql.setString(p, 2, feature);
        for (int i = 3; i <= 6; i++) Sql.setString(p, i, model);
        for (int i = 7; i <= 8; i++) Sql.setString(p, i, Sql.timestamp(from));
        for (int i = 9; i <= 10; i++) Sql.setString(p, i, Sql.timestamp(to));
    }

    /** Production spans of one feature and model started in [from, to) (each: any when null), oldest first. */
    public static List<LedgerRows.Span> spans(Connection c, String feature, String model, Instant from, Instant to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT feature, coalesce(response_model, request_model) AS model, " + Dialect.of(c).epochMicros("started_at") + " AS at_us, "
                + "duration_ms, ttft_ms, error_type, cost_usd FROM production_spans WHERE (CAST(? AS VARCHAR) IS NULL OR feature = ?) AND "
                + MODEL.formatted("coalesce(response_model, request_model)") + WINDOW + " ORDER BY started_at, trace_id, span_id")) {
            bind(p, feature, model, from, to);
            return Sql.list(c, p, r -> new LedgerRows.Span(r.getString("feature"), r.getString("model"), Sql.instant(r, "at_us"),
                    Sql.nullableDouble(r, "duration_ms"), Sql.nullableDouble(r, "ttft_ms"), r.getString("error_type"), Sql.nullableDouble(r, "cost_usd")));
        }
    }

    /** Online scores of one feature and model started in [from, to) (each: any when null), oldest first. */
    public static List<LedgerRows.Score> scores(Connection c, String feature, String model, Instant from, Instant to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT feature, model, " + Dialect.of(c).epochMicros("started_at") + " AS at_us, passed FROM production_scores "
                + "WHERE (CAST(? AS VARCHAR) IS NULL OR feature = ?) AND " + MODEL.formatted("model") + WINDOW + " ORDER BY started_at, trace_id, span_id")) {
            bind(p, feature, model, from, to);
            return Sql.list(c, p, r -> new LedgerRows.Score(r.getString("feature"), r.getString("model"), Sql.instant(r, "at_us"), r.getBoolean("passed")));
        }
    }
}
