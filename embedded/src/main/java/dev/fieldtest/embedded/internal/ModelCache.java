package dev.fieldtest.embedded.internal;

import dev.fieldtest.embedded.EmbeddingModel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One loaded instance per model per process. A load that fails is not remembered, so a later call
 * retries it (and reports the same cause). Internal, not API. Thread-safe.
 */
public final class ModelCache {
    private static final ConcurrentMap<String, Slot> SLOTS = new ConcurrentHashMap<>();

    private ModelCache() {}

    public static EmbeddingModel get(ModelSpec spec) {
        // A slot per name, so loading one model never blocks callers of the other.
        return SLOTS.computeIfAbsent(spec.name(), n -> new Slot(spec)).get();
    }

    private static final class Slot {
        private final ModelSpec spec;
        private volatile EmbeddingModel model;

        Slot(ModelSpec spec) {
            this.spec = spec;
        }

        EmbeddingModel get() {
            EmbeddingModel m = model;
            if (m != null) return m;
            synchronized (this) {
                if (model == null) model = OnnxEmbedder.load(spec);
                return model;
            }
        }
    }
}
