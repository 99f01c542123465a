package dev.fieldtest.history.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * The few places where DuckDB's SQL and PostgreSQL's differ. Everything else (the migrations included) is written once,
 * in SQL both accept; the conformance tests run every history test on both.
 */
public enum Dialect {
    DUCKDB {
        @Override
        String epochMicros(String timestamp) {
            return "epoch_us(" + timestamp + ")";
        }

        @Override
        String timestampOfMicros(String micros) {
            return "make_timestamp(" + micros + ")";
        }

        @Override
        String splitOnUnitSeparator(String text) {
            return "CASE WHEN " + text + " = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(" + text + ", chr(31)) END";
        }
    },
    POSTGRES {
        @Override
        String epochMicros(String timestamp) {
            return "CAST(EXTRACT(EPOCH FROM " + timestamp + ") * 1000000 AS BIGINT)"; // EXTRACT is exact numeric since PostgreSQL 14
        }

        @Override
        String timestampOfMicros(String micros) {
            return "(TIMESTAMP '1970-01-01' + (" + micros + ") * INTERVAL '1 microsecond')";
        }

        @Override
        String splitOnUnitSeparator(String text) {
            return "string_to_array(" + text + ", chr(31))"; // '' gives the empty array
        }

        @Override
        void lockMigrations(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
        }

        @Override
        void unlockMigrations(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    };

    /** An arbitrary key that fieldtest's processes agree on, so two of them never migrate one database at once. */
    private static final long MIGRATION_LOCK = 0x6669656c64L; // "field"

    /** The dialect of an open connection. */
    static Dialect of(Connection c) throws SQLException {
        return c.isWrapperFor(DuckDBConnection.class) ? DUCKDB : POSTGRES;
    }

    /** SQL giving a TIMESTAMP column's value as microseconds since the epoch (BIGINT), read back with {@link Sql#instant}. */
    abstract String epochMicros(String timestamp);

    /** SQL giving the TIMESTAMP that is {@code micros} microseconds after the epoch. */
    abstract String timestampOfMicros(String micros);

    /** SQL splitting a text of values joined by U+001F into VARCHAR[]; the empty text gives the empty list. */
    abstract String splitOnUnitSeparator(String text);

    /** Waits until no other process is migrating this database. */
    void lockMigrations(Connection c) throws SQLException {}

    void unlockMigrations(Connection c) throws SQLException {}
}
