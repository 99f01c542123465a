package dev.fieldtest.history.internal;

import dev.fieldtest.core.online.OnlineSpan;
import dev.fieldtest.history.ProductionScoresCandidate;
import dev.fieldtest.history.ProductionScoresEntry;
import dev.fieldtest.history.ProductionScoresWindow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SQL of {@code production_scores} (migration V5) and the reads of {@code production_spans} (V3) online scoring needs.
 * Failed check names cross as one string joined by U+001F and are split in SQL, as production_spans' finish reasons are.
 */
public final class ProductionScoresSql {
    private static final String FILTER = " AND (? IS NULL OR feature = ?) AND (? IS NULL OR started_at >= CAST(? AS TIMESTAMP))"
            + " AND (? IS NULL OR started_at < CAST(? AS TIMESTAMP))";

    private ProductionScoresSql() {}

    public static List<ProductionScoresCandidate> unscored(Connection c, String suite, String feature, Instant since, Instant until) throws SQLException {
        String sql = "SELECT trace_id, span_id, feature FROM production_spans s WHERE NOT EXISTS (SELECT 1 FROM production_scores p "
                + "WHERE p.trace_id = s.trace_id AND p.span_id = s.span_id AND p.suite = ?)" + FILTER + " ORDER BY started_at, trace_id, span_id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, suite);
            filter(p, 2, feature, since, until);
            List<ProductionScoresCandidate> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new ProductionScoresCandidate(r.getString(1), r.getString(2), r.getString(3)));
            }
            return out;
        }
    }

    public static Optional<OnlineSpan> span(Connection c, String traceId, String spanId) throws SQLException {
        return spans(c, List.of(new ProductionScoresCandidate(traceId, spanId, ""))).stream().findFirst();
    }

    /** The spans with these keys in the order given; a key not stored is left out. */
    public static List<OnlineSpan> spans(Connection c, List<ProductionScoresCandidate> keys) throws SQLException {
        if (keys.isEmpty()) return List.of();
        String sql = "SELECT trace_id, span_id, feature, request_model, response_model, " + Dialect.of(c).epochMicros("started_at")
                + " AS started_us, duration_ms, ttft_ms, "
                + "input_tokens, output_tokens, finish_reasons, error_type, input_messages, output_messages, cost_usd "
                + "FROM production_spans WHERE trace_id || '/' || span_id IN (" + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")";
        Map<String, OnlineSpan> found = new java.util.HashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) p.setString(i + 1, keys.get(i).traceId() + "/" + keys.get(i).spanId());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    OnlineSpan s = new OnlineSpan(r.getString("trace_id"), r.getString("span_id"), r.getString("feature"),
                            r.getString("request_model"), r.getString("response_model"), Sql.instant(r, "started_us"),
                            Sql.nullableDouble(r, "duration_ms"), Sql.nullableDouble(r, "ttft_ms"), nullableLong(r, "input_tokens"),
                            nullableLong(r, "output_tokens"), strings(r.getArray("finish_reasons")), r.getString("error_type"),
                            r.getString("input_messages"), r.getString("output_messages"), Sql.nullableDouble(r, "cost_usd"));
                    found.put(s.traceId() + "/" + s.spanId(), s);
                }
            }
        }
        List<OnlineSpan> out = new ArrayList<>();
        for (ProductionScoresCandidate k : keys) {
            OnlineSpan s = found.get(k.traceId() + "/" + k.spanId());
            if (s != null) out.add(s);
        }
        return out;
    }

    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS production_scores_staging (trace_id VARCHAR, span_id VARCHAR, "
            + "suite VARCHAR, feature VARCHAR, model VARCHAR, started_us BIGINT, passed BOOLEAN, failed VARCHAR, verdicts VARCHAR, "
            + "cost DOUBLE PRECISION)";

    private static String copy(Dialect d) {
        return "INSERT INTO production_scores (trace_id, span_id, suite, feature, model, started_at, passed, failed_checks, verdicts, "
                + "grader_cost_usd, scored_at) SELECT trace_id, span_id, suite, feature, model, " + d.timestampOfMicros("started_us") + ", passed, "
                + d.splitOnUnitSeparator("failed") + ", verdicts, cost, CAST(? AS TIMESTAMP) FROM production_scores_staging ON CONFLICT DO NOTHING";
    }

    /**
     * Stores the entries in one transaction; returns how many were new (a key already stored keeps its first row). Rows go
     * through a {@link TableAppender} into a staging table and are copied in one INSERT ... SELECT (a prepared INSERT per
     * row managed about 150 rows/s on DuckDB).
     */
    public static int insertAll(Connection c, List<ProductionScoresEntry> entries) throws SQLException {
        if (entries.isEmpty()) return 0;
        return Sql.inTransaction(c, () -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(STAGING);
                s.execute("TRUNCATE production_scores_staging");
            }
            try (TableAppender a = TableAppender.open(c, "production_scores_staging", true, 10)) {
                for (ProductionScoresEntry e : entries) {
                    a.row(e.traceId(), e.spanId(), e.suite(), e.feature(), e.model(), java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, e.startedAt()),
                            e.passed(), String.join("\u001f", e.failedChecks()), e.verdictsJson(), e.graderCostUsd());
                }
                a.finish();
            }
            int added;
            try (PreparedStatement copy = c.prepareStatement(copy(Dialect.of(c)))) {
                copy.setString(1, Sql.timestamp(Instant.now()));
                added = copy.executeUpdate();
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("TRUNCATE production_scores_staging");
            }
            return added;
        });
    }

    public static boolean insert(Connection c, ProductionScoresEntry e) throws SQLException {
        return insertAll(c, List.of(e)) == 1;
    }

    public static long count(Connection c, String suite) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM production_scores WHERE suite = ?")) {
            p.setString(1, suite);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public static List<ProductionScoresWindow> windows(Connection c, String suite, ProductionScoresWindow.Period period, String feature,
                                                       Instant since, Instant until) throws SQLException {
        // the part is one of two constants from the enum, never user text
        String grouped = "SELECT feature, coalesce(model, '" + OnlineSpan.UNKNOWN_MODEL + "') AS model, "
                + Dialect.of(c).epochMicros("CAST(date_trunc('" + period.sqlPart() + "', started_at) AS TIMESTAMP)") + " AS start_us, passed, failed_checks, grader_cost_usd "
                + "FROM production_scores WHERE suite = ?" + FILTER;
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        Map<List<Object>, Double> costs = new LinkedHashMap<>();
        Map<List<Object>, Map<String, Long>> failing = new LinkedHashMap<>();
        String totals = "SELECT feature, model, start_us, count(*) AS n, count(*) FILTER (WHERE passed) AS passed, "
                + "coalesce(sum(grader_cost_usd), 0) AS cost FROM (" + grouped + ") g GROUP BY feature, model, start_us ORDER BY feature, model, start_us";
        try (PreparedStatement p = c.prepareStatement(totals)) {
            p.setString(1, suite);
            filter(p, 2, feature, since, until);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    List<Object> key = List.of(r.getString(1), r.getString(2), r.getLong(3));
                    counts.put(key, new long[] {r.getLong(4), r.getLong(5)});
                    costs.put(key, r.getDouble(6));
                }
            }
        }
        String checks = "SELECT feature, model, start_us, check_name, count(*) FROM (SELECT feature, model, start_us, unnest(failed_checks) AS check_name "
                + "FROM (" + grouped + ") g) u GROUP BY feature, model, start_us, check_name";
        try (PreparedStatement p = c.prepareStatement(checks)) {
            p.setString(1, suite);
            filter(p, 2, feature, since, until);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    failing.computeIfAbsent(List.of(r.getString(1), r.getString(2), r.getLong(3)), k -> new TreeMap<>()).put(r.getString(4), r.getLong(5));
                }
            }
        }
        List<ProductionScoresWindow> out = new ArrayList<>();
        counts.forEach((key, nPassed) -> out.add(new ProductionScoresWindow((String) key.get(0), (String) key.get(1), period,
                Instant.EPOCH.plusNanos((Long) key.get(2) * 1000), nPassed[0], nPassed[1], failing.getOrDefault(key, Map.of()), costs.get(key))));
        return out;
    }

    private static void filter(PreparedStatement p, int first, String feature, Instant since, Instant until) throws SQLException {
        Sql.setString(p, first, feature);
        Sql.setString(p, first + 1, feature);
        Sql.setString(p, first + 2, Sql.timestamp(since));
        Sql.setString(p, first + 3, Sql.timestamp(since));
        Sql.setString(p, first + 4, Sql.timestamp(until));
        Sql.setString(p, first + 5, Sql.timestamp(until));
    }

    private static Long nullableLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) return List.of();
        return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

}
