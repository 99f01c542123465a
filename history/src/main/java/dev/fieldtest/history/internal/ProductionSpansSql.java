package dev.fieldtest.history.internal;

import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.ProductionSpansAdded;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL of {@code production_spans} (migration V3). Ingest appends the batch to a temporary staging table through a
 * {@link TableAppender}, then copies the rows whose key is new in one
 * INSERT ... SELECT inside the same transaction, so a batch is stored whole or not at all and a re-sent one adds nothing.
 */
public final class ProductionSpansSql {
    private static final String COLUMNS = "trace_id, span_id, feature, operation, provider, request_model, response_model, system_fingerprint, "
            + "server_address, started_at, duration_ms, ttft_ms, input_tokens, output_tokens, finish_reasons, error_type, input_messages, "
            + "output_messages, cost_usd, attributes";
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS production_spans_staging (ord INTEGER, trace_id VARCHAR, span_id VARCHAR, "
            + "feature VARCHAR, operation VARCHAR, provider VARCHAR, request_model VARCHAR, response_model VARCHAR, system_fingerprint VARCHAR, "
            + "server_address VARCHAR, started_us BIGINT, duration_ms DOUBLE PRECISION, ttft_ms DOUBLE PRECISION, input_tokens BIGINT, "
            + "output_tokens BIGINT, finish_reasons VARCHAR, error_type VARCHAR, input_messages VARCHAR, output_messages VARCHAR, "
            + "cost_usd DOUBLE PRECISION, attributes VARCHAR)";
    private static final int STAGING_COLUMNS = 21;
    // Finish reasons cross as one string joined by U+001F (a control character no reason contains).
    private static final String SEP = "\u001f";

    private ProductionSpansSql() {}

    /** ON CONFLICT skips a key already stored, also by another process at the same moment (PostgreSQL). */
    private static String copy(Dialect d) {
        return "INSERT INTO production_spans (" + COLUMNS + ", ingested_at) "
                + "SELECT trace_id, span_id, feature, operation, provider, request_model, response_model, system_fingerprint, server_address, "
                + d.timestampOfMicros("started_us") + ", duration_ms, ttft_ms, input_tokens, output_tokens, "
                + "CASE WHEN finish_reasons IS NULL THEN NULL ELSE " + d.splitOnUnitSeparator("finish_reasons") + " END, error_type, input_messages, "
                + "output_messages, cost_usd, attributes, CAST(? AS TIMESTAMP) "
                + "FROM (SELECT *, row_number() OVER (PARTITION BY trace_id, span_id ORDER BY ord) AS rn FROM production_spans_staging) s "
                + "WHERE rn = 1 ON CONFLICT DO NOTHING";
    }

    public static ProductionSpansAdded insert(Connection c, List<ProductionSpan> spans) throws SQLException {
        if (spans.isEmpty()) return new ProductionSpansAdded(0, 0);
        return Sql.inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(STAGING);
                s.execute("TRUNCATE production_spans_staging"); // not DELETE: PostgreSQL never vacuums a temp table, so dead rows would pile up
            }
            try (TableAppender a = TableAppender.open(c, "production_spans_staging", true, STAGING_COLUMNS)) {
                int ord = 0;
                for (ProductionSpan p : spans) append(a, ord++, p);
                a.finish();
            }
            int added;
            try (PreparedStatement copy = c.prepareStatement(copy(Dialect.of(c)))) {
                copy.setString(1, Sql.timestamp(Instant.now()));
                added = copy.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE production_spans_staging"); // not DELETE: PostgreSQL never vacuums a temp table, so dead rows would pile up
            }
            return new ProductionSpansAdded(added, spans.size() - added);
        });
    }

    private static void append(TableAppender a, int ord, ProductionSpan p) throws SQLException {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, p.startedAt());
        a.row(ord, p.traceId(), p.spanId(), p.feature(), p.operation(), p.provider(), p.requestModel(), p.responseModel(),
                p.systemFingerprint(), p.serverAddress(), micros, p.durationMs(), p.ttftMs(), p.inputTokens(), p.outputTokens(),
                p.finishReasons().isEmpty() ? null : String.join(SEP, p.finishReasons()), p.errorType(), p.inputMessages(),
                p.outputMessages(), p.costUsd(), p.attributesJson());
    }

    public static List<ProductionSpan> select(Connection c, String feature, Instant since, Instant until) throws SQLException {
        return select(c, feature, since, until, true);
    }

    /** Without {@code text}, messages, attributes and finish reasons are left out (read as null/empty): what metrics need, several times faster. */
    public static List<ProductionSpan> select(Connection c, String feature, Instant since, Instant until, boolean text) throws SQLException {
        String columns = COLUMNS.replace("started_at", Dialect.of(c).epochMicros("started_at") + " AS started_us");
        if (!text) {
            columns = columns.replace("finish_reasons", "NULL::VARCHAR[] AS finish_reasons").replace("input_messages", "NULL AS input_messages")
                    .replace("output_messages", "NULL AS output_messages").replace("attributes", "'{}' AS attributes");
        }
        String sql = "SELECT " + columns + " FROM production_spans "
                + "WHERE (? IS NULL OR feature = ?) AND (? IS NULL OR started_at >= CAST(? AS TIMESTAMP)) "
                + "AND (? IS NULL OR started_at < CAST(? AS TIMESTAMP)) ORDER BY started_at, trace_id, span_id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            Sql.setString(p, 1, feature);
            Sql.setString(p, 2, feature);
            Sql.setString(p, 3, Sql.timestamp(since));
            Sql.setString(p, 4, Sql.timestamp(since));
            Sql.setString(p, 5, Sql.timestamp(until));
            Sql.setString(p, 6, Sql.timestamp(until));
            return Sql.list(c, p, ProductionSpansSql::row);
        }
    }

    private static ProductionSpan row(ResultSet r) throws SQLException {
        return new ProductionSpan(r.getString("trace_id"), r.getString("span_id"), r.getString("feature"), r.getString("operation"),
                r.getString("provider"), r.getString("request_model"), r.getString("response_model"), r.getString("system_fingerprint"),
                r.getString("server_address"), Sql.instant(r, "started_us"), Sql.nullableDouble(r, "duration_ms"), Sql.nullableDouble(r, "ttft_ms"),
                nullableLong(r, "input_tokens"), nullableLong(r, "output_tokens"), strings(r.getArray("finish_reasons")), r.getString("error_type"),
                r.getString("input_messages"), r.getString("output_messages"), Sql.nullableDouble(r, "cost_usd"), r.getString("attributes"));
    }

    private static Long nullableLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) return List.of();
        Object[] values = (Object[]) a.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    public static List<String> features(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT DISTINCT feature FROM production_spans ORDER BY feature")) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }

    public static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM production_spans")) {
            r.next();
            return r.getLong(1);
        }
    }
}
