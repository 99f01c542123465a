package dev.fieldtest.core.cache;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target answered from a {@link ResponseCache} when the same request (same answer settings, messages and
 * repeat index, see {@link CacheKey}) was answered before; otherwise the call is made and, when it succeeded,
 * stored. A cache that cannot be written never fails a call: the write failure is counted. Thread-safe.
 */
public final class CachingTarget implements Target {
    private final Target target;
    private final ResponseCache cache;
    private final Map<String, Object> answerSettings;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();

    public CachingTarget(Target target, ResponseCache cache) {
        this.target = target;
        this.cache = cache;
        this.answerSettings = CacheKey.answerSettings(target.describe());
    }

    @Override
    public String id() {
        return target.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        String key = CacheKey.of(answerSettings, request);
        var cached = cache.get(key, target.id(), request);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            return cached.get();
        }
        Observation o = target.call(request);
        if (o.succeeded()) {
            try {
                cache.put(key, o);
                stored.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                writeFailures.incrementAndGet();
            }
        }
        return o;
    }

    @Override
    public Map<String, Object> describe() {
        return target.describe();
    }

    @Override
    public void close() {
        target.close();
    }

    /** Calls answered from the cache so far. */
    public long hits() {
        return hits.get();
    }

    /** Calls made and stored so far. */
    public long stored() {
        return stored.get();
    }

    /** Successful calls that could not be stored (full disk, no permission). */
    public long writeFailures() {
        return writeFailures.get();
    }
}
