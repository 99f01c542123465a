package dev.fieldtest.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Small JDBC helpers. Instants cross as UTC text bound with {@code CAST(? AS TIMESTAMP)} and come back as
 * microseconds since the epoch ({@link Dialect#epochMicros}), so no JVM or session time zone ever shifts a stored time.
 */
final class Sql {
    private Sql() {}

    /** UTC wall time at microsecond precision (a TIMESTAMP in DuckDB and PostgreSQL alike), or null. */
    static String timestamp(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC).toString();
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        long micros = r.getLong(column);
        return r.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    static Double nullableDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    static void setString(PreparedStatement p, int i, String v) throws SQLException {
        if (v == null) p.setNull(i, Types.VARCHAR);
        else p.setString(i, v);
    }

    /** Rows a large read fetches per round trip. */
    private static final int FETCH_ROWS = 4096;

    /** Maps the current row of a result set. */
    interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Every row of {@code p}, read with {@link #streamed}: for the reads that grow with the production store. */
    static <T> java.util.List<T> list(Connection c, PreparedStatement p, RowReader<T> row) throws SQLException {
        return streamed(c, p, () -> {
            java.util.List<T> out = new java.util.ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(row.read(r));
            }
            return out;
        });
    }

    /**
     * Runs {@code read} so that the rows of {@code s} stream in batches. PostgreSQL's driver otherwise holds a whole
     * result in memory (a million spans did not fit in 1 GB), and it uses a cursor only with a fetch size inside a
     * transaction. DuckDB streams either way.
     */
    static <T> T streamed(Connection c, java.sql.Statement s, Work<T> read) throws SQLException {
        s.setFetchSize(FETCH_ROWS);
        return c.getAutoCommit() ? inTransaction(c, read) : read.run();
    }

    /** Work to run in a transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
