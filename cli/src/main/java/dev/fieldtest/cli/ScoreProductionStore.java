package dev.fieldtest.cli;

import dev.fieldtest.history.ProductionScores;
import dev.fieldtest.history.ProductionScoresEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores scores in batches: one transaction per {@link #BATCH} scores or per {@link #MAX_AGE_NANOS} of scoring, whichever
 * comes first, and the rest on close. One transaction per span was the bottleneck (about 60 spans/s). A killed invocation
 * loses at most the unflushed batch, which the next invocation samples and scores again. Not thread-safe.
 */
final class ScoreProductionStore implements AutoCloseable {
    static final int BATCH = 200;
    private static final long MAX_AGE_NANOS = 5_000_000_000L;
    private final ProductionScores scores;
    private final List<ProductionScoresEntry> buffer = new ArrayList<>();
    private long oldest;
    private int added;

    ScoreProductionStore(ProductionScores scores) {
        this.scores = scores;
    }

    void add(ProductionScoresEntry entry) {
        if (buffer.isEmpty()) oldest = System.nanoTime();
        buffer.add(entry);
        if (buffer.size() >= BATCH || System.nanoTime() - oldest >= MAX_AGE_NANOS) flush();
    }

    /** Scores stored that were not stored before. */
    int added() {
        return added;
    }

    private void flush() {
        if (buffer.isEmpty()) return;
        added += scores.storeAll(buffer);
        buffer.clear();
    }

    @Override
    public void close() {
        flush();
    }
}
