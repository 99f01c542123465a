package dev.fieldtest.history.internal;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.LedgerRows;
import dev.fieldtest.history.ReviewSignoff;
import dev.fieldtest.history.TargetMetric;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The SQL of {@link dev.fieldtest.history.Ledger}: claims, features, sign-offs, and the rows gap and review read. Parameterised. */
public final class LedgerSql {
    private LedgerSql() {}

    /** Inserts the claims not yet stored, in one transaction; returns how many were new. */
    public static int addClaims(Connection c, Collection<Claim> claims) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO claims (claim_id, feature, vendor, model, version, metric, value, source, "
                + "claimed_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), CAST(? AS TIMESTAMP)) ON CONFLICT DO NOTHING")) {
            int added = 0;
            for (Claim k : claims) {
                p.setString(1, k.id());
                Sql.setString(p, 2, k.feature());
                p.setString(3, k.vendor());
                p.setString(4, k.model());
                Sql.setString(p, 5, k.version());
                p.setString(6, k.metric());
                p.setDouble(7, k.value());
                p.setString(8, k.source());
                p.setString(9, k.claimedOn().toString());
                p.setString(10, Sql.timestamp(Instant.now()));
                added += p.executeUpdate();
            }
            c.commit();
            return added;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public static List<Claim> claims(Connection c) throws SQLException {
        List<Claim> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM claims ORDER BY claimed_on, vendor, model, metric, claim_id");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(new Claim(r.getString("claim_id"), r.getString("feature"), r.getString("vendor"), r.getString("model"), r.getString("version"),
                        r.getString("metric"), r.getDouble("value"), r.getString("source"), r.getObject("claimed_on", java.time.LocalDate.class)));
            }
        }
        return out;
    }

    /** Inserts or replaces a feature; returns true when it replaced one. */
    public static boolean putFeature(Connection c, LedgerFeature f) throws SQLException {
        boolean existed = !features(c, f.name()).isEmpty();
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO features (feature, launched_on, owner, suite, suite_name, recorded_at) "
                + "VALUES (?, CAST(? AS DATE), ?, ?, ?, CAST(? AS TIMESTAMP))")) {
            p.setString(1, f.name());
            p.setString(2, f.launchedOn().toString());
            Sql.setString(p, 3, f.owner());
            Sql.setString(p, 4, f.suiteFile());
            Sql.setString(p, 5, f.suiteName());
            p.setString(6, Sql.timestamp(Instant.now()));
            p.executeUpdate();
        }
        return existed;
    }

    /** Every feature, or the one named, by name. */
    public static List<LedgerFeature> features(Connection c, String name) throws SQLException {
        List<LedgerFeature> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM features WHERE ? IS NULL OR feature = ? ORDER BY feature")) {
            Sql.setString(p, 1, name);
            Sql.setString(p, 2, name);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new LedgerFeature(r.getString("feature"), r.getObject("launched_on", java.time.LocalDate.class),
                        r.getString("owner"), r.getString("suite"), r.getString("suite_name")));
            }
        }
        return out;
    }

    /** Records a sign-off; returns false when that (feature, property, review, due date) was already signed. */
    public static boolean sign(Connection c, ReviewSignoff s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO review_signoffs (feature, property, review, due_on, signed_by, signed_at, note) "
                + "VALUES (?, ?, ?, CAST(? AS DATE), ?, CAST(? AS TIMESTAMP), ?) ON CONFLICT DO NOTHING")) {
            p.setString(1, s.feature());
            p.setString(2, s.property());
            p.setString(3, s.review());
            p.setString(4, s.dueOn().toString());
            p.setString(5, s.signedBy());
            p.setString(6, Sql.timestamp(s.signedAt()));
            Sql.setString(p, 7, s.note());
            return p.executeUpdate() == 1;
        }
    }

    public static List<ReviewSignoff> signoffs(Connection c, String feature) throws SQLException {
        List<ReviewSignoff> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT feature, property, review, due_on, signed_by, epoch_us(signed_at) AS at_us, note "
                + "FROM review_signoffs WHERE feature = ? ORDER BY property, review, due_on")) {
            p.setString(1, feature);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new ReviewSignoff(r.getString("feature"), r.getString("property"), r.getString("review"),
                        r.getObject("due_on", java.time.LocalDate.class), r.getString("signed_by"), Sql.instant(r, "at_us"), r.getString("note")));
            }
        }
        return out;
    }

    /** Recorded runs of kind run (of one suite when {@code suite} is set), oldest start first, with summary.json. */
    public static List<LedgerRows.Run> runs(Connection c, String suite) throws SQLException {
        List<LedgerRows.Run> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, epoch_us(started_at) AS started_us, suite, summary FROM runs "
                + "WHERE kind = 'run' AND (? IS NULL OR suite = ?) ORDER BY started_at NULLS FIRST, run_id")) {
            Sql.setString(p, 1, suite);
            Sql.setString(p, 2, suite);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new LedgerRows.Run(r.getString("run_id"), Sql.instant(r, "started_us"), r.getString("suite"), r.getString("summary")));
            }
        }
        return out;
    }

    /** Every target_metrics row whose metric is one of {@code metrics}, as run_id → rows. */
    public static java.util.Map<String, List<TargetMetric>> metrics(Connection c, Collection<String> metrics) throws SQLException {
        java.util.Map<String, List<TargetMetric>> out = new java.util.HashMap<>();
        if (metrics.isEmpty()) return out;
        String marks = String.join(", ", java.util.Collections.nCopies(metrics.size(), "?"));
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, target, metric, value FROM target_metrics WHERE metric IN (" + marks + ")")) {
            int i = 1;
            for (String m : metrics) p.setString(i++, m);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.computeIfAbsent(r.getString("run_id"), k -> new ArrayList<>())
                        .add(new TargetMetric(r.getString("target"), r.getString("metric"), r.getDouble("value")));
            }
        }
        return out;
    }

    /** A model condition on {@code column}: equal ignoring case, or it followed by '-' and a snapshot suffix (LedgerProduction.sameModel). */
    private static final String MODEL = "(CAST(? AS VARCHAR) IS NULL OR lower(%1$s) = lower(?) OR (starts_with(lower(%1$s), lower(?) || '-') "
            + "AND regexp_full_match(substr(%1$s, length(?) + 2), '[0-9][0-9-]*')))";

    /** [from, to) on started_at, either end open when null. */
    private static final String WINDOW = " AND (CAST(? AS TIMESTAMP) IS NULL OR started_at >= CAST(? AS TIMESTAMP)) "
            + "AND (CAST(? AS TIMESTAMP) IS NULL OR started_at < CAST(? AS TIMESTAMP))";

    private static void bind(PreparedStatement p, String feature, String model, Instant from, Instant to) throws SQLException {
        Sql.setString(p, 1, feature);
        Sql.setString(p, 2, feature);
        for (int i = 3; i <= 6; i++) Sql.setString(p, i, model);
        for (int i = 7; i <= 8; i++) Sql.setString(p, i, Sql.timestamp(from));
        for (int i = 9; i <= 10; i++) Sql.setString(p, i, Sql.timestamp(to));
    }

    /** Production spans of one feature and model started in [from, to) (each: any when null), oldest first. */
    public static List<LedgerRows.Span> spans(Connection c, String feature, String model, Instant from, Instant to) throws SQLException {
        List<LedgerRows.Span> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT feature, coalesce(response_model, request_model) AS model, epoch_us(started_at) AS at_us, "
                + "duration_ms, ttft_ms, error_type, cost_usd FROM production_spans WHERE (CAST(? AS VARCHAR) IS NULL OR feature = ?) AND "
                + MODEL.formatted("coalesce(response_model, request_model)") + WINDOW + " ORDER BY started_at, trace_id, span_id")) {
            bind(p, feature, model, from, to);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new LedgerRows.Span(r.getString("feature"), r.getString("model"), Sql.instant(r, "at_us"),
                        Sql.nullableDouble(r, "duration_ms"), Sql.nullableDouble(r, "ttft_ms"), r.getString("error_type"), Sql.nullableDouble(r, "cost_usd")));
            }
        }
        return out;
    }

    /** Online scores of one feature and model started in [from, to) (each: any when null), oldest first. */
    public static List<LedgerRows.Score> scores(Connection c, String feature, String model, Instant from, Instant to) throws SQLException {
        List<LedgerRows.Score> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT feature, model, epoch_us(started_at) AS at_us, passed FROM production_scores "
                + "WHERE (CAST(? AS VARCHAR) IS NULL OR feature = ?) AND " + MODEL.formatted("model") + WINDOW + " ORDER BY started_at, trace_id, span_id")) {
            bind(p, feature, model, from, to);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new LedgerRows.Score(r.getString("feature"), r.getString("model"), Sql.instant(r, "at_us"), r.getBoolean("passed")));
            }
        }
        return out;
    }
}
