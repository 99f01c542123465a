package dev.fieldtest.core.run;

import dev.fieldtest.core.ScoredCall;

/**
 * Told about every call after its row is durably in results.jsonl. Called from many threads at once;
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface RunListener {
    void onCall(ScoredCall call);

    RunListener NONE = call -> {};
}
