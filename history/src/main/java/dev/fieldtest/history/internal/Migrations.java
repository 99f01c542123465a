package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's numbered SQL migrations (resources {@code dev/fieldtest/history/migrations/V<n>__<what>.sql}), applied
 * in order on open, each in one transaction together with its {@code schema_migrations} row, so a database is always
 * at a whole version.
 */
public final class Migrations {
    /** Every migration, in order; a new one is appended here and added as a resource. */
    static final List<String> FILES = List.of("V1__init.sql", "V2__target_metrics_index.sql", "V3__production_spans.sql",
            "V4__ledger_and_reviews.sql", "V5__production_scores.sql");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final String DIR = "/dev/fieldtest/history/migrations/";

    private Migrations() {}

    /** The newest schema version this code knows. */
    public static int latest() {
        return FILES.size();
    }

    static int version(String file) {
        Matcher m = NAME.matcher(file);
        if (!m.matches()) throw new IllegalStateException("migration " + file + " is not named V<n>__<what>.sql");
        return Integer.parseInt(m.group(1));
    }

    /** Brings the database ({@code where}, for messages) to {@link #latest()}; returns the version it was at before. */
    static int apply(Connection c, String where) throws SQLException {
        Dialect dialect = Dialect.of(c);
        dialect.lockMigrations(c);
        try {
            return applyLocked(c, where);
        } finally {
            dialect.unlockMigrations(c);
        }
    }

    private static int applyLocked(Connection c, String file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
        }
        int current = current(c);
        if (current > latest()) {
            throw new HistoryException(file + ": history database schema version " + current + " is newer than this fieldtest supports ("
                    + latest() + "); upgrade fieldtest or use another --history file");
        }
        for (String name : FILES) {
            int v = version(name);
            if (v > current) apply(c, file, v, name);
        }
        return current;
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(Connection c, String file, int version, String name) throws SQLException {
        String sql = resource(name);
        try {
            Sql.inTransaction(c, () -> {
                try (Statement s = c.createStatement();
                     PreparedStatement mark = c.prepareStatement("INSERT INTO schema_migrations VALUES (?, CAST(? AS TIMESTAMP))")) {
                    s.execute(sql);
                    mark.setInt(1, version);
                    mark.setString(2, Sql.timestamp(java.time.Instant.now()));
                    return mark.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new HistoryException(file + ": migration " + name + " failed and was rolled back (" + e.getMessage()
                    + "); the database stays at version " + (version - 1), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("migration resource " + DIR + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }
}
