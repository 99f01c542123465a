package dev.fieldtest.history;

import dev.fieldtest.core.online.OnlineSpan;
import dev.fieldtest.history.internal.ProductionScoresSql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Online scores of a {@link RunHistory} (table {@code production_scores}, docs/online-scoring.md): which spans a suite
 * has not scored yet, storing a score (idempotent by trace, span and suite), and pass rates per feature × model × day
 * or week with Wilson intervals — what the ledger and the dashboard read. Shares the history's connection and lock
 * (the {@link RunHistory} object), so it is valid only while that history is open.
 */
public final class ProductionScores {
    private final RunHistory history;

    ProductionScores(RunHistory history) {
        this.history = history;
    }

    /**
     * Spans {@code suite} has not scored, oldest first; {@code feature}, {@code since} (inclusive) and {@code until}
     * (exclusive) narrow them when not null.
     */
    public List<ProductionScoresCandidate> unscored(String suite, String feature, Instant since, Instant until) {
        return history.sql("list unscored spans", c -> ProductionScoresSql.unscored(c, suite, feature, since, until));
    }

    /** One span with what scoring reads, or empty when it is not stored. */
    public Optional<OnlineSpan> span(String traceId, String spanId) {
        return history.sql("read span " + traceId + "/" + spanId, c -> ProductionScoresSql.span(c, traceId, spanId));
    }

    /** The stored spans among {@code keys}, in their order, read in one query (callers batch a few hundred at a time). */
    public List<OnlineSpan> spans(List<ProductionScoresCandidate> keys) {
        return history.sql("read " + keys.size() + " spans", c -> ProductionScoresSql.spans(c, keys));
    }

    /** Stores the scores in one transaction (all or none); returns how many were new. */
    public int storeAll(List<ProductionScoresEntry> entries) {
        return history.sql("store " + entries.size() + " scores", c -> ProductionScoresSql.insertAll(c, entries));
    }

    /** Stores a score; returns false (and changes nothing) when the span was already scored by that suite. */
    public boolean store(ProductionScoresEntry entry) {
        return history.sql("store the score of " + entry.traceId() + "/" + entry.spanId(), c -> ProductionScoresSql.insert(c, entry));
    }

    /** Spans scored by {@code suite}. */
    public long count(String suite) {
        return history.sql("count scores", c -> ProductionScoresSql.count(c, suite));
    }

    /**
     * Pass rates of {@code suite}'s scores per feature × model × window, by feature, model, then window start;
     * {@code feature}, {@code since} (inclusive) and {@code until} (exclusive) filter the spans' start times when not null.
     */
    public List<ProductionScoresWindow> passRates(String suite, ProductionScoresWindow.Period period, String feature, Instant since, Instant until) {
        return history.sql("read pass rates", c -> ProductionScoresSql.windows(c, suite, period, feature, since, until));
    }

}
