package dev.fieldtest.cli;

import dev.fieldtest.core.cache.CachingTarget;
import dev.fieldtest.core.cache.ResponseCache;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.spi.Target;
import java.nio.file.Path;

/** {@code fieldtest run --cache DIR}: the suite's targets behind one response cache; judges are never cached. */
final class RunCache {
    private RunCache() {}

    static Components wrap(Components c, Path dir) {
        ResponseCache cache = new ResponseCache(dir);
        var targets = c.targets().stream().<Target>map(t -> new CachingTarget(t, cache)).toList();
        return new Components(targets, c.checks(), c.judges(), c.comparisons());
    }

    /** One console line: what the cache answered and stored, and any answers it could not store. */
    static String line(Components c, Path dir) {
        long hits = 0, stored = 0, failed = 0;
        for (Target t : c.targets()) {
            if (t instanceof CachingTarget ct) {
                hits += ct.hits();
                stored += ct.stored();
                failed += ct.writeFailures();
            }
        }
        return "Cache " + dir + ": " + hits + " calls answered from the cache, " + stored + " new answers stored"
                + (failed > 0 ? ", " + failed + " could not be stored (check that the folder is writable)" : "");
    }
}
