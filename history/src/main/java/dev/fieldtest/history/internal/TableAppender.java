package dev.fieldtest.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends rows, all columns in table order, to one table inside the caller's transaction: through DuckDB's appender
 * (a prepared INSERT per row is about 100x slower there), or as batched INSERTs on PostgreSQL (which pgjdbc sends as
 * multi-row INSERTs). Values are String, Integer, Long, Double, Boolean, {@code List<String>} (VARCHAR[]),
 * LocalDateTime (TIMESTAMP), LocalDate (DATE) or null.
 */
abstract sealed class TableAppender implements AutoCloseable {
    /** Opens an appender to {@code table}; {@code temporary} for a table made with CREATE TEMP TABLE. */
    static TableAppender open(Connection c, String table, boolean temporary, int columns) throws SQLException {
        return switch (Dialect.of(c)) {
            case DUCKDB -> {
                DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
                yield new DuckDb(temporary ? duck.createAppender("temp", "main", table) : duck.createAppender("main", table));
            }
            case POSTGRES -> new Batched(c, table, columns);
        };
    }

    abstract void row(Object... values) throws SQLException;

    /** Writes what is pending and reports a row that breaks a constraint; call before committing. */
    abstract void finish() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    private static final class DuckDb extends TableAppender {
        private final DuckDBAppender a;

        DuckDb(DuckDBAppender a) {
            this.a = a;
        }

        @Override
        void row(Object... values) throws SQLException {
            a.beginRow();
            for (Object v : values) {
                switch (v) {
                    case null -> a.appendNull();
                    case String s -> a.append(s);
                    case Integer i -> a.append(i.intValue());
                    case Long l -> a.append(l.longValue());
                    case Double d -> a.append(d.doubleValue());
                    case Boolean b -> a.append(b.booleanValue());
                    case List<?> list -> a.append(list);
                    case LocalDateTime t -> a.append(t);
                    case LocalDate d -> a.append(d);
                    default -> throw new IllegalArgumentException("cannot append a " + v.getClass().getName());
                }
            }
            a.endRow();
        }

        @Override
        void finish() throws SQLException {
            a.flush(); // close() alone drops a row that breaks a constraint without a word (DuckDB JDBC 2.0); flush() reports it
        }

        @Override
        public void close() throws SQLException {
            a.close();
        }
    }

    private static final class Batched extends TableAppender {
        private static final int BATCH = 1000;
        private final Connection c;
        private final PreparedStatement insert;
        private int pending;

        Batched(Connection c, String table, int columns) throws SQLException {
            this.c = c;
            this.insert = c.prepareStatement("INSERT INTO " + table + " VALUES (" + String.join(", ", Collections.nCopies(columns, "?")) + ")");
        }

        @Override
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                int at = i + 1;
                switch (values[i]) {
                    case null -> insert.setNull(at, Types.NULL); // the server takes the column's type
                    case String s -> insert.setString(at, s);
                    case Integer n -> insert.setInt(at, n);
                    case Long n -> insert.setLong(at, n);
                    case Double d -> insert.setDouble(at, d);
                    case Boolean b -> insert.setBoolean(at, b);
                    case List<?> list -> insert.setArray(at, c.createArrayOf("varchar", list.toArray()));
                    case LocalDateTime t -> insert.setObject(at, t);
                    case LocalDate d -> insert.setObject(at, d);
                    default -> throw new IllegalArgumentException("cannot append a " + values[i].getClass().getName());
                }
            }
            insert.addBatch();
            if (++pending == BATCH) finish();
        }

        @Override
        void finish() throws SQLException {
            if (pending > 0) insert.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
