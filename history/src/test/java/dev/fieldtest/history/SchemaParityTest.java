package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations give both stores the same tables, columns and types: each checked against a list written from V1..V5 by hand. */
class SchemaParityTest {
    private static final String V = "VARCHAR", T = "TIMESTAMP", D = "DOUBLE", I = "INTEGER", B = "BIGINT", BOOL = "BOOLEAN", LIST = "VARCHAR[]";
    @TempDir Path dir;

    /** table → "column TYPE" in column order, from the migration files. */
    private static Map<String, List<String>> expected() {
        Map<String, List<String>> m = new TreeMap<>();
        m.put("calls", cols("run_id", V, "line", I, "target", V, "case_id", V, "repeat", I, "variant", V, "passed", BOOL, "error", V,
                "latency_ms", D, "ttft_ms", D, "cost_usd", D, "input_tokens", B, "output_tokens", B, "tags", LIST, "row_json", V));
        m.put("claims", cols("claim_id", V, "feature", V, "vendor", V, "model", V, "version", V, "metric", V, "value", D, "source", V,
                "claimed_on", "DATE", "recorded_at", T));
        m.put("features", cols("feature", V, "launched_on", "DATE", "owner", V, "suite", V, "suite_name", V, "recorded_at", T));
        m.put("production_scores", cols("trace_id", V, "span_id", V, "suite", V, "feature", V, "model", V, "started_at", T, "passed", BOOL,
                "failed_checks", LIST, "verdicts", V, "grader_cost_usd", D, "scored_at", T));
        m.put("production_spans", cols("trace_id", V, "span_id", V, "feature", V, "operation", V, "provider", V, "request_model", V,
                "response_model", V, "system_fingerprint", V, "server_address", V, "started_at", T, "duration_ms", D, "ttft_ms", D,
                "input_tokens", B, "output_tokens", B, "finish_reasons", LIST, "error_type", V, "input_messages", V, "output_messages", V,
                "cost_usd", D, "attributes", V, "ingested_at", T));
        m.put("review_signoffs", cols("feature", V, "property", V, "review", V, "due_on", "DATE", "signed_by", V, "signed_at", T, "note", V));
        m.put("runs", cols("run_id", V, "kind", V, "suite", V, "started_at", T, "finished_at", T, "status", V, "run_dir", V,
                "fieldtest_version", V, "summary", V, "recorded_at", T));
        m.put("schema_migrations", cols("version", I, "applied_at", T));
        m.put("target_metrics", cols("run_id", V, "target", V, "metric", V, "value", D));
        return m;
    }

    private static List<String> cols(String... nameType) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) out.add(nameType[i] + " " + nameType[i + 1]);
        return out;
    }

    @Test
    void duckDbHoldsTheSchemaOfTheMigrations() throws Exception {
        assertThat(columns(StoreKind.DUCKDB)).isEqualTo(expected());
    }

    @Test
    void postgresHoldsTheSameSchema() throws Exception {
        assertThat(columns(StoreKind.POSTGRES)).isEqualTo(expected());
    }

    /** information_schema.columns of a freshly migrated store, PostgreSQL's type names given as DuckDB spells them. */
    private Map<String, List<String>> columns(StoreKind kind) throws SQLException {
        HistoryStore db = kind.fresh(dir.resolve(kind.name()));
        RunHistory.open(db).close();
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = StoreKind.connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name, column_name, data_type, " + (kind == StoreKind.POSTGRES ? "udt_name" : "NULL")
                     + " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")) {
            while (r.next()) {
                out.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getString(2) + " " + duckDbName(r.getString(3), r.getString(4)));
            }
        }
        return out;
    }

    private static String duckDbName(String type, String udt) {
        return switch (type) {
            case "character varying" -> "VARCHAR";
            case "double precision" -> "DOUBLE";
            case "timestamp without time zone" -> "TIMESTAMP";
            case "integer", "bigint", "boolean", "date" -> type.toUpperCase(Locale.ROOT);
            case "ARRAY" -> "_varchar".equals(udt) ? "VARCHAR[]" : "ARRAY of " + udt;
            default -> type; // DuckDB's own names, or a PostgreSQL type no column should have
        };
    }
}
