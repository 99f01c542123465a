package dev.fieldtest.history;

import dev.fieldtest.history.internal.ProductionInputQueries;
import java.time.Instant;
import java.util.List;

/**
 * Read-only view of the production inputs in the history ({@code production_spans}), for drift against a suite's
 * golden set (docs/drift.md). Shares its {@link RunHistory}'s connection and lock; valid while that history is open.
 */
public final class ProductionInputs {
    private final RunHistory history;

    ProductionInputs(RunHistory history) {
        this.history = history;
    }

    /**
     * The spans whose {@code started_at} lies in [{@code since}, {@code until}) and, when {@code feature} is not null,
     * whose feature equals it; oldest first. Either bound may be null (open).
     */
    public List<ProductionInput> read(String feature, Instant since, Instant until) {
        return history.sql("read production inputs", c -> ProductionInputQueries.read(c, feature, since, until));
    }

    /** Every feature with at least one span, sorted (to name them when a --feature matches none). */
    public List<String> features() {
        return history.sql("list production features", c -> ProductionInputQueries.features(c));
    }
}
