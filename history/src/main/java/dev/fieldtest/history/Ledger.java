package dev.fieldtest.history;

import dev.fieldtest.history.internal.LedgerRowsSql;
import dev.fieldtest.history.internal.LedgerSql;
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
    private final RunHistory history;

    Ledger(RunHistory history) {
        this.history = history;
    }

    /** Stores the claims not stored yet, all or none; returns how many were new (a claim's id is its content). */
    public int addClaims(Collection<Claim> claims) {
        return history.sql("add claims", c -> LedgerSql.addClaims(c, claims));
    }

    /** Every claim, oldest claim date first. */
    public List<Claim> claims() {
        return history.sql("read claims", c -> LedgerSql.claims(c));
    }

    /** Adds a feature, or replaces the one of that name; returns true when it replaced one. */
    public boolean putFeature(LedgerFeature feature) {
        return history.sql("add feature " + feature.name(), c -> LedgerSql.putFeature(c, feature));
    }

    /** Every feature, by name. */
    public List<LedgerFeature> features() {
        return history.sql("read features", c -> LedgerSql.features(c, null));
    }

    public Optional<LedgerFeature> feature(String name) {
        return history.sql("read feature " + name, c -> LedgerSql.features(c, name).stream().findFirst());
    }

    /** Records a sign-off; returns false (and keeps the first) when that review's due date was already signed. */
    public boolean sign(ReviewSignoff signoff) {
        return history.sql("record a sign-off", c -> LedgerSql.sign(c, signoff));
    }

    public List<ReviewSignoff> signoffs(String feature) {
        return history.sql("read sign-offs of " + feature, c -> LedgerSql.signoffs(c, feature));
    }

    /** Recorded runs (kind run) of {@code suite}, or of every suite when null, oldest first, with summary.json. */
    public List<LedgerRows.Run> runs(String suite) {
        return history.sql("read runs", c -> LedgerRowsSql.runs(c, suite));
    }

    /** The target_metrics rows whose path is one of {@code metrics}, by run_id. */
    public Map<String, List<TargetMetric>> metrics(Collection<String> metrics) {
        return history.sql("read metrics", c -> LedgerRowsSql.metrics(c, metrics));
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
        return history.sql("read production spans", c -> LedgerRowsSql.spans(c, feature, model, from, to));
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
        return history.sql("read production scores", c -> LedgerRowsSql.scores(c, feature, model, from, to));
    }

}
