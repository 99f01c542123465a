package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every table of one history into another, empty one (DuckDB to PostgreSQL when a team moves to a shared store,
 * or back for a local snapshot). Both are at {@link Migrations#latest()}, so their columns match one for one; the
 * target is written in one transaction, so a failed copy leaves it empty.
 */
public final class StoreCopy {
    /** Every table of the schema, in an order that reads well in a report; no table refers to another. */
    static final List<String> TABLES = List.of("runs", "target_metrics", "calls", "production_spans", "production_scores", "claims",
            "features", "review_signoffs");

    private StoreCopy() {}

    /** Copies {@code from} into {@code to}; returns the rows copied per table. {@code target} names {@code to} in messages. */
    public static Map<String, Long> copy(Connection from, Connection to, String target) throws SQLException {
        for (String table : TABLES) {
            if (count(to, table) > 0) {
                throw new HistoryException(target + ": table " + table + " already has rows; copy into an empty history "
                        + "(a new DuckDB file, or a database fresh from createdb)");
            }
        }
        return Sql.inTransaction(to, () -> {
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : TABLES) copied.put(table, copyTable(from, to, table));
            return copied;
        });
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement s = from.createStatement()) {
            return Sql.streamed(from, s, () -> {
                long rows = 0;
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    int columns = meta.getColumnCount();
                    try (TableAppender a = TableAppender.open(to, table, false, columns)) {
                        Object[] row = new Object[columns];
                        while (r.next()) {
                            for (int i = 0; i < columns; i++) row[i] = value(r, i + 1, meta.getColumnType(i + 1));
                            a.row(row);
                            rows++;
                        }
                        a.finish();
                    }
                }
                return rows;
            });
        }
    }

    /** The column's value as a type {@link TableAppender} takes; times as wall-clock values, so no zone shifts them. */
    private static Object value(ResultSet r, int column, int type) throws SQLException {
        Object v = switch (type) {
            case Types.TIMESTAMP -> r.getObject(column, LocalDateTime.class);
            case Types.DATE -> r.getObject(column, LocalDate.class);
            case Types.ARRAY -> strings(r.getArray(column));
            case Types.INTEGER -> r.getInt(column);
            case Types.BIGINT -> r.getLong(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> r.getDouble(column);
            case Types.BOOLEAN, Types.BIT -> r.getBoolean(column);
            default -> r.getString(column);
        };
        return r.wasNull() ? null : v;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? null : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
