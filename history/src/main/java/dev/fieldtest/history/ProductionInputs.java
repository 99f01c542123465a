package dev.fieldtest.history;

import dev.fieldtest.history.internal.ProductionInputQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Read-only view of the production inputs in the history ({@code production_spans}), for drift against a suite's
 * golden set (docs/drift.md). Shares its {@link RunHistory}'s connection and lock; valid while that history is open.
 */
public final class ProductionInputs {
    private final Object lock;
    private final Connection connection;
    private final Path file;

    ProductionInputs(Object lock, Connection connection, Path file) {
        this.lock = lock;
        this.connection = connection;
        this.file = file;
    }

    /**
     * The spans whose {@code started_at} lies in [{@code since}, {@code until}) and, when {@code feature} is not null,
     * whose feature equals it; oldest first. Either bound may be null (open).
     */
    public List<ProductionInput> read(String feature, Instant since, Instant until) {
        synchronized (lock) {
            try {
                return ProductionInputQueries.read(connection, feature, since, until);
            } catch (SQLException e) {
                throw new HistoryException(file + ": could not read production inputs: " + e.getMessage(), e);
            }
        }
    }

    /** Every feature with at least one span, sorted (to name them when a --feature matches none). */
    public List<String> features() {
        synchronized (lock) {
            try {
                return ProductionInputQueries.features(connection);
            } catch (SQLException e) {
                throw new HistoryException(file + ": could not list production features: " + e.getMessage(), e);
            }
        }
    }
}
