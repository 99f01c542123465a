package dev.fieldtest.core.spi;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import java.util.Map;

/**
 * A system under test. {@link #call} never throws for a failed call: failures come back as an
 * {@link Observation} with an error class, after the target's own retries. Implementations must be
 * thread-safe: the executor calls them from many threads at once.
 */
public interface Target extends AutoCloseable {
    /** The id the suite gave this target. */
    String id();

    /** Makes one call, retrying as configured; blocks until done. */
    Observation call(CallRequest request) throws InterruptedException;

    /** Settings safe to record as provenance: never an API key, token or other secret. */
    Map<String, Object> describe();

    @Override
    default void close() {}
}
