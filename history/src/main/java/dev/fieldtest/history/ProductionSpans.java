package dev.fieldtest.history;

import dev.fieldtest.history.internal.ProductionSpansSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The production spans of a {@link RunHistory} (table {@code production_spans}, docs/production.md): idempotent
 * ingest keyed by (trace_id, span_id), and reads for metrics and sampling. Shares the history's connection and its
 * lock (the {@link RunHistory} object), so it is valid only while that history is open.
 */
public final class ProductionSpans {
    private final RunHistory owner;
    private final Connection connection;

    ProductionSpans(RunHistory owner, Connection connection) {
        this.owner = owner;
        this.connection = connection;
    }

    /**
     * Stores every span whose (trace_id, span_id) is not stored yet, in one transaction: either all new spans are
     * stored or none. A span repeated within {@code spans} counts once.
     */
    public ProductionSpansAdded add(List<ProductionSpan> spans) {
        synchronized (owner) {
            return sql("store " + spans.size() + " production spans", () -> ProductionSpansSql.insert(connection, spans));
        }
    }

    /** Spans of {@code feature} (null: every feature) started in [since, until) (either null: unbounded), oldest first. */
    public List<ProductionSpan> spans(String feature, Instant since, Instant until) {
        synchronized (owner) {
            return sql("read production spans", () -> ProductionSpansSql.select(connection, feature, since, until));
        }
    }

    /** Every feature with at least one stored span, sorted. */
    public List<String> features() {
        synchronized (owner) {
            return sql("list production features", () -> ProductionSpansSql.features(connection));
        }
    }

    /** Stored spans in all. */
    public long count() {
        synchronized (owner) {
            return sql("count production spans", () -> ProductionSpansSql.count(connection));
        }
    }

    /** Per feature × model × window metrics and change points of the spans that match (see {@link ProductionSpansMetrics}). */
    public ProductionSpansMetrics.Report metrics(String feature, ProductionSpansMetrics.Window window, Instant since) {
        List<ProductionSpan> spans;
        synchronized (owner) {
            // Metrics read no messages or attributes: the lean read is several times faster on a large store.
            spans = sql("read production spans", () -> ProductionSpansSql.select(connection, feature, since, null, false));
        }
        return ProductionSpansMetrics.compute(spans, window);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T sql(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new HistoryException(owner.file() + ": could not " + what + ": " + e.getMessage(), e);
        }
    }
}
