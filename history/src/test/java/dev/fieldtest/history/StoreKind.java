package dev.fieldtest.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The stores every conformance test runs on ({@code @ParameterizedClass @EnumSource(StoreKind.class)}): a fresh,
 * empty history of each kind, and a plain JDBC connection to it for tests that check tables with their own SQL.
 */
enum StoreKind {
    DUCKDB {
        @Override
        HistoryStore fresh(Path tempDir) {
            return HistoryStore.file(tempDir.resolve("history.duckdb"));
        }

        @Override
        String indexNames() {
            return "SELECT index_name FROM duckdb_indexes() WHERE schema_name = current_schema() ORDER BY index_name";
        }
    },
    POSTGRES {
        @Override
        HistoryStore fresh(Path tempDir) {
            PostgresServer server = PostgresServer.shared();
            return HistoryStore.parse(server.newDatabaseUrl(), Map.of(HistoryStore.PASSWORD_ENV, server.password()));
        }

        // PostgreSQL indexes every primary key too; DuckDB's catalogue lists only the indexes the migrations create.
        @Override
        String indexNames() {
            return "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\\_pkey' ORDER BY indexname";
        }
    };

    /** A history that holds nothing yet: a DuckDB file not yet created in {@code tempDir}, or a new PostgreSQL database. */
    abstract HistoryStore fresh(Path tempDir);

    /** SQL listing the names of the indexes the migrations created, sorted. */
    abstract String indexNames();

    /** The kind of {@code store}. */
    static StoreKind of(HistoryStore store) {
        return store instanceof HistoryStore.DuckDbFile ? DUCKDB : POSTGRES;
    }

    /** A plain JDBC connection to {@code store}, bypassing RunHistory (close the history first for a DuckDB file). */
    static Connection connect(HistoryStore store) throws SQLException {
        return switch (store) {
            case HistoryStore.DuckDbFile f -> DriverManager.getConnection("jdbc:duckdb:" + f.file().toAbsolutePath());
            case HistoryStore.Postgres p -> PostgresServer.shared().connect(p.display());
        };
    }

    /** Every table of the store's current schema, sorted: the same query on both stores. */
    static final String TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";

    static final List<Long> ALL_VERSIONS = List.of(1L, 2L, 3L, 4L, 5L);
}
