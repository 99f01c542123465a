package dev.fieldtest.history;

import dev.fieldtest.history.internal.ProductionSpansSql;
import java.time.Instant;
import java.util.List;

/**
 * The production spans of a {@link RunHistory} (table {@code production_spans}, docs/production.md): idempotent
 * ingest keyed by (trace_id, span_id), and reads for metrics and sampling. Shares the history's connection and its
 * lock (the {@link RunHistory} object), so it is valid only while that history is open.
 */
public final class ProductionSpans {
    private final RunHistory history;

    ProductionSpans(RunHistory history) {
        this.history = history;
    }

    /**
     * Stores every span whose (trace_id, span_id) is not stored yet, in one transaction: either all new spans are
     * stored or none. A span repeated within {@code spans} counts once.
     */
    public ProductionSpansAdded add(List<ProductionSpan> spans) {
        return history.sql("store " + spans.size() + " production spans", c -> ProductionSpansSql.insert(c, spans));
    }

    /** Spans of {@code feature} (null: every feature) started in [since, until) (either null: unbounded), oldest first. */
    public List<ProductionSpan> spans(String feature, Instant since, Instant until) {
        return history.sql("read production spans", c -> ProductionSpansSql.select(c, feature, since, until));
    }

    /** Every feature with at least one stored span, sorted. */
    public List<String> features() {
        return history.sql("list production features", c -> ProductionSpansSql.features(c));
    }

    /** Stored spans in all. */
    public long count() {
        return history.sql("count production spans", c -> ProductionSpansSql.count(c));
    }

    /** Per feature × model × window metrics and change points of the spans that match (see {@link ProductionSpansMetrics}). */
    public ProductionSpansMetrics.Report metrics(String feature, ProductionSpansMetrics.Window window, Instant since) {
        // Metrics read no messages or attributes: the lean read is several times faster on a large store.
        List<ProductionSpan> spans = history.sql("read production spans", c -> ProductionSpansSql.select(c, feature, since, null, false));
        return ProductionSpansMetrics.compute(spans, window);
    }

}
