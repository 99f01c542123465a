package dev.fieldtest.history;

/** What one ingest did: spans stored for the first time, and spans already stored under the same (trace_id, span_id). */
public record ProductionSpansAdded(int added, int duplicates) {
    public ProductionSpansAdded plus(ProductionSpansAdded o) {
        return new ProductionSpansAdded(added + o.added, duplicates + o.duplicates);
    }
}
