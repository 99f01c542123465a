package dev.fieldtest.history;

import dev.fieldtest.history.internal.LedgerRowsSql;
import dev.fieldtest.history.internal.LedgerSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's tables in the run history (docs/ledger.md): vendors' claims, features with their launch dates, review
 * sign-offs, and the raw offline and production rows {@link LedgerGap} and {@link ReviewCalendar} compute with. Shares
 * its {@link RunHistory}'s connection and lock (every method synchronizes on the history); valid until it is closed.
 */
public final class Ledger {
    private final Object lock;
    private final Connection connection;
    private final Path file;

    Ledger(Object lock, Connection connection, Path file) {
        this.lock = lock;
        this.connection = connection;
        this.file = file;
    }

    /** Stores the claims not stored yet, all or none; returns how many were new (a claim's id is its content). */
    public int addClaims(Collection<Claim> claims) {
        return sql("add claims", () -> LedgerSql.addClaims(connection, claims));
    }

    /** Every claim, oldest claim date first. */
    public List<Claim> claims() {
        return sql("read claims", () -> LedgerSql.claims(connection));
    }

    /** Adds a feature, or replaces the one of that name; returns true when it replaced one. */
    public boolean putFeature(LedgerFeature feature) {
        return sql("add feature " + feature.name(), () -> LedgerSql.putFeature(connection, feature));
    }

    /** Every feature, by name. */
    public List<LedgerFeature> features() {
        return sql("read features", () -> LedgerSql.features(connection, null));
    }

    public Optional<LedgerFeature> feature(String name) {
        return sql("read feature " + name, () -> LedgerSql.features(connection, name).stream().findFirst());
    }

    /** Records a sign-off; returns false (and keeps the first) when that review's due date was already signed. */
    public boolean sign(ReviewSignoff signoff) {
        return sql("record a sign-off", () -> LedgerSql.sign(connection, signoff));
    }

    public List<ReviewSignoff> signoffs(String feature) {
        return sql("read sign-offs of " + feature, () -> LedgerSql.signoffs(connection, feature));
    }

    /** Recorded runs (kind run) of {@code suite}, or of every suite when null, oldest first, with summary.json. */
    public List<LedgerRows.Run> runs(String suite) {
        return sql("read runs", () -> LedgerRowsSql.runs(connection, suite));
    }

    /** The target_metrics rows whose path is one of {@code metrics}, by run_id. */
    public Map<String, List<TargetMetric>> metrics(Collection<String> metrics) {
        return sql("read metrics", () -> LedgerRowsSql.metrics(connection, metrics));
    }

    /** Production spans of {@code feature} (every feature when null), oldest first. */
    public List<LedgerRows.Span> spans(String feature) {
        return spans(feature, null);
    }

    /** Production spans of {@code feature} and {@code model} as {@link LedgerProduction#sameModel} matches it (each: any when null). */
    public List<LedgerRows.Span> spans(String feature, String model) {
        return spans(feature, model, null, null);
    }

    /** Production spans of {@code feature} and {@code model} started in [from, to) (each: any when null), oldest first. */
    public List<LedgerRows.Span> spans(String feature, String model, java.time.Instant from, java.time.Instant to) {
        return sql("read production spans", () -> LedgerRowsSql.spans(connection, feature, model, from, to));
    }

    /** Online scores of production spans of {@code feature} (every feature when null), oldest first. */
    public List<LedgerRows.Score> scores(String feature) {
        return scores(feature, null);
    }

    /** Online scores of {@code feature} and {@code model} as {@link LedgerProduction#sameModel} matches it (each: any when null). */
    public List<LedgerRows.Score> scores(String feature, String model) {
        return scores(feature, model, null, null);
    }

    /** Online scores of {@code feature} and {@code model} started in [from, to) (each: any when null), oldest first. */
    public List<LedgerRows.Score> scores(String feature, String model, java.time.Instant from, java.time.Instant to) {
        return sql("read production scores", () -> LedgerRowsSql.scores(connection, feature, model, from, to));
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T sql(String what, Work<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new HistoryException(file + ": could not " + what + ": " + e.getMessage(), e);
            }
        }
    }
}
