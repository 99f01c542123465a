package dev.fieldtest.history.internal;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ReviewSignoff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The SQL of {@link dev.fieldtest.history.Ledger}'s own tables: claims, features, sign-offs. Parameterised. */
public final class LedgerSql {
    private LedgerSql() {}

    /** Inserts the claims not yet stored, in one transaction; returns how many were new. */
    public static int addClaims(Connection c, Collection<Claim> claims) throws SQLException {
        return Sql.inTransaction(c, () -> {
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
                return added;
            }
        });
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
        try (PreparedStatement p = c.prepareStatement("INSERT INTO features (feature, launched_on, owner, suite, suite_name, recorded_at) "
                + "VALUES (?, CAST(? AS DATE), ?, ?, ?, CAST(? AS TIMESTAMP)) ON CONFLICT (feature) DO UPDATE SET launched_on = EXCLUDED.launched_on, "
                + "owner = EXCLUDED.owner, suite = EXCLUDED.suite, suite_name = EXCLUDED.suite_name, recorded_at = EXCLUDED.recorded_at")) {
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
        try (PreparedStatement p = c.prepareStatement("SELECT feature, property, review, due_on, signed_by, " + Dialect.of(c).epochMicros("signed_at") + " AS at_us, note "
                + "FROM review_signoffs WHERE feature = ? ORDER BY property, review, due_on")) {
            p.setString(1, feature);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new ReviewSignoff(r.getString("feature"), r.getString("property"), r.getString("review"),
                        r.getObject("due_on", java.time.LocalDate.class), r.getString("signed_by"), Sql.instant(r, "at_us"), r.getString("note")));
            }
        }
        return out;
    }
}
