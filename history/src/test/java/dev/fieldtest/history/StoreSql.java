package dev.fieldtest.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against a store, independent of RunHistory's code: to write rows by hand and to check what was stored. */
final class StoreSql {
    /** The empty VARCHAR[] in SQL both stores accept (DuckDB's [] is not PostgreSQL's). */
    static final String NO_TEXTS = "CAST(ARRAY[] AS VARCHAR[])";

    private StoreSql() {}

    /** Runs {@code sql}, which may be several statements each ending with ';'. */
    static void exec(HistoryStore store, String sql) throws SQLException {
        try (Connection c = StoreKind.connect(store); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<Long> longs(HistoryStore store, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (String s : strings(store, sql)) out.add(s == null ? null : Long.parseLong(s));
        return out;
    }

    /** The first column as numbers: DuckDB prints a DOUBLE 150 as "150.0", PostgreSQL as "150". */
    static List<Double> doubles(HistoryStore store, String sql) throws SQLException {
        List<Double> out = new ArrayList<>();
        for (String s : strings(store, sql)) out.add(s == null ? null : Double.parseDouble(s));
        return out;
    }

    static List<String> strings(HistoryStore store, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = StoreKind.connect(store); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }
}
